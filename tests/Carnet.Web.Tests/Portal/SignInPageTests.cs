using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Carnet.SignIn.People;
using Carnet.Tests.Testing;
using Carnet.Web.Tests.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using static Carnet.Web.Tests.Testing.TestAccounts;

namespace Carnet.Web.Tests.Portal;

/// <summary>The portal's sign-in page, as a browser posts it (antiforgery token included). The browser-driven journeys are in Carnet.Portal.Tests.</summary>
public partial class SignInPageTests
{
    [Fact]
    public async Task A_holder_signs_in_on_the_portal_with_the_code_sent_by_email()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var browser = app.CreateClient();

        var codePage = await PostFormAsync(browser, "/connexion", "password", new() { ["Credentials.Login"] = AliceLogin, ["Credentials.Password"] = AlicePassword, ["Credentials.SendTo"] = "Email" });
        codePage.ShouldContain("Le code à 6 chiffres envoyé à a•••@example.org");
        await DispatchAsync(app);
        var space = await PostFormAsync(browser, "/connexion", "code", CodeFields(codePage, app.Mail.LastOneTimeCodeTo(People.AliceEmail)));

        space.ShouldContain("<h1>Bonjour Alice</h1>", customMessage: "the holder lands on their record's home");
        WebUtility.HtmlDecode(await browser.GetStringAsync("/compte")).ShouldContain("cet appareil");
    }

    [Fact]
    public async Task A_professional_signs_in_on_the_portal_with_an_authenticator_code()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        var (_, password, secret) = await CreateDoctorAsync(app);
        using var browser = app.CreateClient();

        (await browser.GetAsync("/langue/en?retour=/connexion")).EnsureSuccessStatusCode();
        var codePage = await PostFormAsync(browser, "/connexion", "password", new() { ["Credentials.Login"] = DoctorRpps, ["Credentials.Password"] = password });
        codePage.ShouldContain("The 6-digit code shown by your authenticator app");
        var space = await PostFormAsync(browser, "/connexion", "code", CodeFields(codePage, Totp.Code(secret, Totp.StepAt(app.Clock.GetUtcNow()))));

        space.ShouldContain("Find a patient", customMessage: "a professional lands on the patient search");
        var account = WebUtility.HtmlDecode(await browser.GetStringAsync("/compte"));
        account.ShouldContain("Hello Claire LEFÈVRE");
        account.ShouldContain("idNat_PS 810101234564");
    }

    [Fact]
    public async Task A_wrong_password_is_explained_in_french_on_the_same_page()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var browser = app.CreateClient();

        var page = await PostFormAsync(browser, "/connexion", "password", new() { ["Credentials.Login"] = AliceLogin, ["Credentials.Password"] = "Wrong#Pass1" });

        page.ShouldContain("role=\"alert\"");
        page.ShouldContain("L'identifiant ou le mot de passe n'est pas le bon");
        page.ShouldContain($"value=\"{AliceLogin}\"", customMessage: "the login typed is kept");
    }

    [Fact]
    public async Task A_holder_who_forgot_their_password_chooses_a_new_one_with_a_code()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var browser = app.CreateClient();

        var codePage = await PostFormAsync(browser, "/mot-de-passe-oublie", "request", new() { ["Ask.Login"] = AliceLogin });
        codePage.ShouldContain("Le code à 6 chiffres");
        await DispatchAsync(app);
        var done = await PostFormAsync(browser, "/mot-de-passe-oublie", "reset", new()
        {
            ["Choose.ResetToken"] = Hidden(codePage, "Choose.ResetToken"),
            ["Choose.Code"] = app.Mail.LastOneTimeCodeTo(People.AliceEmail),
            ["Choose.NewPassword"] = "Zr7!qLw#3Vb",
        });

        done.ShouldContain("Votre mot de passe est changé");
        var signIn = await PostFormAsync(browser, "/connexion", "password", new() { ["Credentials.Login"] = AliceLogin, ["Credentials.Password"] = "Zr7!qLw#3Vb" });
        signIn.ShouldContain("Le code à 6 chiffres envoyé à");
    }

    [Fact]
    public async Task A_form_posted_without_the_antiforgery_token_is_refused()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var browser = app.CreateClient();

        var response = await browser.PostAsync("/connexion", new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["_handler"] = "password",
            ["Credentials.Login"] = AliceLogin,
            ["Credentials.Password"] = AlicePassword,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        app.Mail.Mails.ShouldNotContain(m => m.To == People.AliceEmail && m.Subject.Contains("connexion", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_and_the_page_says_to_wait_a_minute()
    {
        await using var app = await CarnetWebFactory.StartAsync(settings: new Dictionary<string, string?>(StringComparer.Ordinal) { ["Carnet:SignIn:RequestsPerMinute"] = "3" });
        await CreateAliceAsync(app);
        using var browser = app.CreateClient();
        for (var i = 0; i < 6; i++)
        {
            (await browser.GetAsync(i % 2 == 0 ? "/connexion" : "/mot-de-passe-oublie")).StatusCode.ShouldBe(HttpStatusCode.OK, "showing the page is not an attempt");
        }

        var page = await browser.GetStringAsync("/connexion");
        var wrong = new Dictionary<string, string>(StringComparer.Ordinal) { ["Credentials.Login"] = AliceLogin, ["Credentials.Password"] = "pas le bon", ["Credentials.SendTo"] = "Email" };
        for (var i = 0; i < 3; i++)
        {
            await PostWithTokenAsync(browser, "/connexion", "password", Token(page), new(wrong, StringComparer.Ordinal));
        }

        var limited = await browser.PostAsync("/connexion", new FormUrlEncodedContent(new Dictionary<string, string>(wrong, StringComparer.Ordinal) { ["_handler"] = "password", ["__RequestVerificationToken"] = Token(page) }));
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        limited.Content.Headers.ContentType!.MediaType.ShouldBe("text/html", "a person on the portal gets a page, not JSON");
        WebUtility.HtmlDecode(await limited.Content.ReadAsStringAsync()).ShouldContain("Attendez une minute");
        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, "other pages are not limited");
    }

    [Fact]
    public async Task Signing_out_a_device_from_a_stale_page_still_works_and_shows_the_list()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var phone = app.CreateClient();
        await SignInAliceAsync(app, phone);
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        using var laptop = app.CreateClient();
        await SignInAliceAsync(app, laptop);
        var phoneSession = (await laptop.GetFromJsonAsync<JsonElement[]>("/api/sessions/"))!.Single(s => !s.GetProperty("current").GetBoolean()).GetProperty("id").GetString()!;

        var first = await PostFormAsync(laptop, "/compte", "revoke", new() { ["Revoke"] = phoneSession });
        var again = await PostFormAsync(laptop, "/compte", "revoke", new() { ["Revoke"] = phoneSession });

        (await phone.GetAsync("/api/sessions/current")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        first.ShouldNotContain("Déconnecter cet appareil");
        again.ShouldContain("cet appareil", customMessage: "the page answers with the list, not an error");
    }

    [Fact]
    public async Task My_space_sends_anonymous_visitors_to_the_sign_in_page()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await browser.GetAsync("/espace");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith("http://localhost/connexion");
    }

    /// <summary>Loads the page for a fresh antiforgery token, then posts the named form as a browser does; returns the page reached.</summary>
    private static async Task<string> PostFormAsync(HttpClient browser, string path, string form, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(path);
        return await PostWithTokenAsync(browser, path, form, Token(page), fields);
    }

    private static async Task<string> PostWithTokenAsync(HttpClient browser, string path, string form, string token, Dictionary<string, string> fields)
    {
        fields["_handler"] = form;
        fields["__RequestVerificationToken"] = token;
        var response = await browser.PostAsync(path, new FormUrlEncodedContent(fields));
        response.EnsureSuccessStatusCode();
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static Dictionary<string, string> CodeFields(string codePage, string code) => new(StringComparer.Ordinal)
    {
        ["Code.ChallengeToken"] = Hidden(codePage, "Code.ChallengeToken"),
        ["Code.Factor"] = Hidden(codePage, "Code.Factor"),
        ["Code.SentTo"] = Hidden(codePage, "Code.SentTo"),
        ["Code.Value"] = code,
    };

    private static string Token(string page) => Hidden(page, "__RequestVerificationToken");

    private static string Hidden(string page, string name) =>
        WebUtility.HtmlDecode(HiddenField().Matches(page).First(m => m.Groups["name"].Value == name).Groups["value"].Value);

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\"(?: value=\"(?<value>[^\"]*)\")?")]
    private static partial Regex HiddenField();
}
