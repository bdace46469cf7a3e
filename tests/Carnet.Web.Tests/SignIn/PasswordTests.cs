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
        (await ProblemAsync(await client.PostAsJsonAsync("/api/password-reset/confirmation", new { resetToken = token, code = "123456", newPassword = NewPassword }))).Code.ShouldBe("code_invalid");
    }

    [Fact]
    public async Task Every_step_of_a_reset_answers_alike_for_a_real_and_an_unknown_login()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var client = app.CreateClient();
        var real = (await (await client.PostAsJsonAsync("/api/password-reset/", new { login = AliceLogin })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resetToken").GetString();
        var decoy = (await (await client.PostAsJsonAsync("/api/password-reset/", new { login = "nobody.here" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resetToken").GetString();

        foreach (var token in new[] { real, decoy })
        {
            (await ProblemAsync(await client.PostAsJsonAsync("/api/password-reset/code/resend", new { resetToken = token }))).Code.ShouldBe("code_requested_too_soon");
        }

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var resent = new List<string>();
        foreach (var token in new[] { real, decoy })
        {
            var response = await client.PostAsJsonAsync("/api/password-reset/code/resend", new { resetToken = token });
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            body.GetProperty("sentTo").ValueKind.ShouldBe(JsonValueKind.Null, "a reset never says where the code went");
            resent.Add(body.GetProperty("factor").GetString()!);
            (await ProblemAsync(await client.PostAsJsonAsync("/api/password-reset/confirmation", new { resetToken = token, code = "000000", newPassword = NewPassword }))).Code.ShouldBe("code_invalid");
        }

        resent.Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public async Task Reset_codes_are_capped_per_hour_and_wrong_ones_per_day()
    {
        await using var app = await CarnetWebFactory.StartAsync(settings: new Dictionary<string, string?>(StringComparer.Ordinal) { ["Carnet:SignIn:RequestsPerMinute"] = "1000" });
        await CreateAliceAsync(app);
        using var client = app.CreateClient();
        for (var i = 0; i < 7; i++)
        {
            (await client.PostAsJsonAsync("/api/password-reset/", new { login = AliceLogin })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        await DispatchAsync(app);
        app.Mail.MailsTo(People.AliceEmail).Count(m => m.Subject.Contains("Réinitialisation", StringComparison.Ordinal)).ShouldBe(5);

        app.Clock.Advance(TimeSpan.FromHours(2));
        for (var round = 0; round < 2; round++)
        {
            var token = (await (await client.PostAsJsonAsync("/api/password-reset/", new { login = AliceLogin })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resetToken").GetString();
            for (var i = 0; i < 5; i++)
            {
                await client.PostAsJsonAsync("/api/password-reset/confirmation", new { resetToken = token, code = "000000", newPassword = NewPassword });
            }
        }

        var last = (await (await client.PostAsJsonAsync("/api/password-reset/", new { login = AliceLogin })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resetToken").GetString();
        await DispatchAsync(app);
        var refused = await ProblemAsync(await client.PostAsJsonAsync("/api/password-reset/confirmation", new { resetToken = last, code = app.Mail.LastOneTimeCodeTo(People.AliceEmail), newPassword = NewPassword }));
        refused.Code.ShouldBe("too_many_attempts");
        refused.Detail.ShouldContain("tomorrow");
    }
}
