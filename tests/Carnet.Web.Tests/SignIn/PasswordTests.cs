using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Carnet.Tests.Testing;
using Carnet.Web.Tests.Testing;
using static Carnet.Web.Tests.Testing.TestAccounts;

namespace Carnet.Web.Tests.SignIn;

/// <summary>Changing and resetting the password, with the rules of activation (DOMAIN.md §3.3).</summary>
public class PasswordTests
{
    private const string NewPassword = "Zr7!qLw#3Vb";

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_and_tells_the_holder()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var phone = app.CreateClient();
        using var laptop = app.CreateClient();
        await SignInAliceAsync(app, phone);
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await SignInAliceAsync(app, laptop);

        (await laptop.PutAsJsonAsync("/api/account/password", new { currentPassword = AlicePassword, newPassword = NewPassword })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await phone.GetAsync("/api/sessions/current")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await laptop.GetAsync("/api/sessions/current")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await laptop.PostAsJsonAsync("/api/sign-in/", new { login = AliceLogin, password = AlicePassword })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await laptop.PostAsJsonAsync("/api/sign-in/", new { login = AliceLogin, password = NewPassword })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await DispatchAsync(app);
        app.Mail.MailsTo(People.AliceEmail).ShouldContain(m => m.Subject.Contains("Mot de passe Carnet modifié", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_password_follows_the_activation_rules()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var client = app.CreateClient();
        await SignInAliceAsync(app, client);

        var response = await client.PutAsJsonAsync("/api/account/password", new { currentPassword = AlicePassword, newPassword = "Alice#1985x" });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString());
        problems.ShouldContain("password_contains_personal_data");
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_with_a_code_sent_to_the_holder_and_lifts_a_lockout()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/sign-in/", new { login = AliceLogin, password = "Wrong#Pass1" });
        }

        var reset = await client.PostAsJsonAsync("/api/password-reset/", new { login = AliceLogin });
        reset.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var token = (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resetToken").GetString();
        await DispatchAsync(app);
        var code = app.Mail.LastOneTimeCodeTo(People.AliceEmail);

        (await client.PostAsJsonAsync("/api/password-reset/confirmation", new { resetToken = token, code, newPassword = NewPassword })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await client.PostAsJsonAsync("/api/sign-in/", new { login = AliceLogin, password = NewPassword })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ProblemAsync(await client.PostAsJsonAsync("/api/password-reset/confirmation", new { resetToken = token, code, newPassword = "Another#Pass9" }))).Code.ShouldBe("code_already_used");
    }

    [Fact]
    public async Task A_reset_for_an_unknown_login_looks_the_same_and_sends_nothing()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var client = app.CreateClient();
        var before = app.Mail.Mails.Count;

        var reset = await client.PostAsJsonAsync("/api/password-reset/", new { login = "nobody.here" });

        reset.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var token = (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resetToken").GetString();
        token!.Length.ShouldBe(43);
        await DispatchAsync(app);
        app.Mail.Mails.Count.ShouldBe(before);
        (await ProblemAsync(await client.PostAsJsonAsync("/api/password-reset/confirmation", new { resetToken = token, code = "123456", newPassword = NewPassword }))).Code.ShouldBe("sign_in_not_found");
    }
}
