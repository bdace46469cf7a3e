using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Carnet.Web.Tests.Testing;
using static Carnet.Web.Tests.Testing.TestAccounts;

namespace Carnet.Web.Tests.SignIn;

/// <summary>Optional passkeys (WebAuthn, Identity's .NET 10 support): registered once signed in, then enough alone to sign in.</summary>
public class PasskeyTests
{
    [Fact]
    public async Task A_holder_registers_a_passkey_then_signs_in_with_it_alone()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var authenticator = new SoftwareAuthenticator();
        using var laptop = app.CreateClient();
        await SignInAliceAsync(app, laptop);

        var registered = await RegisterAsync(laptop, authenticator, "Téléphone d'Alice");
        registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        (await laptop.GetFromJsonAsync<JsonElement[]>("/api/account/passkeys/"))!.Single().GetProperty("name").GetString().ShouldBe("Téléphone d'Alice");

        using var phone = app.CreateClient();
        var signedIn = await SignInAsync(phone, authenticator);

        signedIn.StatusCode.ShouldBe(HttpStatusCode.OK, await signedIn.Content.ReadAsStringAsync());
        var current = await phone.GetFromJsonAsync<JsonElement>("/api/sessions/current");
        current.GetProperty("displayName").GetString().ShouldBe("Alice MARTIN");
        current.GetProperty("methods").EnumerateArray().Select(m => m.GetString()).ShouldBe(["hwk", "user"]);
    }

    [Fact]
    public async Task An_assertion_cannot_be_replayed_and_a_removed_passkey_no_longer_signs_in()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var authenticator = new SoftwareAuthenticator();
        using var client = app.CreateClient();
        await SignInAliceAsync(app, client);
        var passkey = await (await RegisterAsync(client, authenticator)).Content.ReadFromJsonAsync<JsonElement>();

        using var other = app.CreateClient();
        var request = await (await other.PostAsync("/api/sign-in/passkey/options", null)).Content.ReadFromJsonAsync<JsonElement>();
        var answer = new { ceremonyToken = request.GetProperty("ceremonyToken").GetString(), credential = JsonDocument.Parse(authenticator.Get(request.GetProperty("publicKeyOptionsJson").GetString()!)).RootElement };
        (await other.PostAsJsonAsync("/api/sign-in/passkey", answer)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ProblemAsync(await other.PostAsJsonAsync("/api/sign-in/passkey", answer))).Code.ShouldBe("sign_in_not_found", "a ceremony is answered once");

        (await client.DeleteAsync($"/api/account/passkeys/{passkey.GetProperty("credentialId").GetString()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ProblemAsync(await SignInAsync(other, authenticator))).Code.ShouldBe("passkey_refused");
    }

    [Fact]
    public async Task Adding_a_passkey_needs_a_recent_sign_in_and_is_told_to_the_holder()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var client = app.CreateClient();
        await SignInAliceAsync(app, client);

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var stale = await ProblemAsync(await client.PostAsync("/api/account/passkeys/options", null));
        stale.Code.ShouldBe("recent_sign_in_required");
        stale.Detail.ShouldContain("sign in again");

        using var authenticator = new SoftwareAuthenticator();
        using var fresh = app.CreateClient();
        await SignInAliceAsync(app, fresh);
        (await RegisterAsync(fresh, authenticator, "Tablette")).StatusCode.ShouldBe(HttpStatusCode.Created);
        await DispatchAsync(app);

        app.Mail.MailsTo(Carnet.Tests.Testing.People.AliceEmail).ShouldContain(m => m.TextBody.Contains("« Tablette »", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_passkey_made_on_another_site_is_refused()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var phishing = new SoftwareAuthenticator { Origin = "https://carnet-sante.example" };
        using var client = app.CreateClient();
        await SignInAliceAsync(app, client);

        var refused = await RegisterAsync(client, phishing);

        (await ProblemAsync(refused)).Code.ShouldBe("passkey_refused");
        (await client.GetFromJsonAsync<JsonElement[]>("/api/account/passkeys/"))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_password_reset_removes_the_passkeys()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var authenticator = new SoftwareAuthenticator();
        using var client = app.CreateClient();
        await SignInAliceAsync(app, client);
        (await RegisterAsync(client, authenticator)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var token = (await (await client.PostAsJsonAsync("/api/password-reset/", new { login = AliceLogin })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resetToken").GetString();
        await DispatchAsync(app);
        (await client.PostAsJsonAsync("/api/password-reset/confirmation", new { resetToken = token, code = app.Mail.LastOneTimeCodeTo(Carnet.Tests.Testing.People.AliceEmail), newPassword = "Zr7!qLw#3Vb" }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var other = app.CreateClient();
        var signIn = await SignInAsync(other, authenticator);
        (await ProblemAsync(signIn)).Code.ShouldBe("passkey_refused");
    }

    /// <summary>Both steps of a registration, as the portal's script does them.</summary>
    private static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, SoftwareAuthenticator authenticator, string? name = null)
    {
        var creation = await (await client.PostAsync("/api/account/passkeys/options", null)).Content.ReadFromJsonAsync<JsonElement>();
        return await client.PostAsJsonAsync("/api/account/passkeys/", new
        {
            ceremonyToken = creation.GetProperty("ceremonyToken").GetString(),
            credential = JsonDocument.Parse(authenticator.Create(creation.GetProperty("publicKeyOptionsJson").GetString()!)).RootElement,
            name,
        });
    }

    /// <summary>Both steps of a passkey sign-in.</summary>
    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, SoftwareAuthenticator authenticator)
    {
        var request = await (await client.PostAsync("/api/sign-in/passkey/options", null)).Content.ReadFromJsonAsync<JsonElement>();
        return await client.PostAsJsonAsync("/api/sign-in/passkey", new
        {
            ceremonyToken = request.GetProperty("ceremonyToken").GetString(),
            credential = JsonDocument.Parse(authenticator.Get(request.GetProperty("publicKeyOptionsJson").GetString()!)).RootElement,
        });
    }
}
