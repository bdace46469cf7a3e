using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Carnet.Persistence;
using Carnet.Tests.Testing;
using Carnet.Web.Tests.Testing;
using static Carnet.Web.Tests.Testing.TestAccounts;

namespace Carnet.Web.Tests.SignIn;

/// <summary>A holder signs in with login, password and a one-time code sent to a registered contact (DOMAIN.md §3.3).</summary>
public class HolderSignInTests
{
    [Theory]
    [DatabaseProviders]
    public async Task A_holder_signs_in_with_password_then_the_code_sent_by_email(DatabaseProvider provider)
    {
        await using var app = await CarnetWebFactory.StartAsync(provider);
        var recordId = await CreateAliceAsync(app);
        using var client = app.CreateClient();

        var step1 = await client.PostAsJsonAsync("/api/sign-in/", new { login = AliceLogin, password = AlicePassword });
        step1.StatusCode.ShouldBe(HttpStatusCode.OK);
        var challenge = await step1.Content.ReadFromJsonAsync<JsonElement>();
        challenge.GetProperty("factor").GetString().ShouldBe("email");
        challenge.GetProperty("sentTo").GetString().ShouldBe("a•••@example.org");
        (await client.GetAsync("/api/sessions/current")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the password alone opens no session");

        await DispatchAsync(app);
        var step2 = await client.PostAsJsonAsync("/api/sign-in/code", new { challengeToken = challenge.GetProperty("challengeToken").GetString(), code = app.Mail.LastOneTimeCodeTo(People.AliceEmail) });

        step2.StatusCode.ShouldBe(HttpStatusCode.OK);
        var current = await client.GetFromJsonAsync<JsonElement>("/api/sessions/current");
        current.GetProperty("kind").GetString().ShouldBe("holder");
        current.GetProperty("displayName").GetString().ShouldBe("Alice MARTIN");
        current.GetProperty("recordId").GetGuid().ShouldBe(recordId);
        current.GetProperty("methods").EnumerateArray().Select(m => m.GetString()).ShouldBe(["pwd", "mail"]);
    }

    [Fact]
    public async Task The_code_can_go_by_sms_instead()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var client = app.CreateClient();

        var token = await StartSignInAsync(client, AliceLogin, AlicePassword, sendTo: "sms");
        await DispatchAsync(app);

        app.Mail.Texts.ShouldContain(t => t.To == People.AliceMobile);
        (await client.PostAsJsonAsync("/api/sign-in/code", new { challengeToken = token, code = app.Mail.LastOneTimeCodeTo(People.AliceMobile) })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_login_get_the_same_answer()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var client = app.CreateClient();

        var wrongPassword = await ProblemAsync(await client.PostAsJsonAsync("/api/sign-in/", new { login = AliceLogin, password = "Wrong#Pass1" }));
        var unknownLogin = await ProblemAsync(await client.PostAsJsonAsync("/api/sign-in/", new { login = "nobody.here", password = "Wrong#Pass1" }));

        wrongPassword.ShouldBe(unknownLogin);
        wrongPassword.Status.ShouldBe(401);
        wrongPassword.Code.ShouldBe("invalid_credentials");
        wrongPassword.Detail.ShouldContain("reset your password");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_until_the_lockout_ends()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var client = app.CreateClient();

        for (var i = 0; i < 4; i++)
        {
            (await ProblemAsync(await client.PostAsJsonAsync("/api/sign-in/", new { login = AliceLogin, password = "Wrong#Pass1" }))).Code.ShouldBe("invalid_credentials");
        }

        (await ProblemAsync(await client.PostAsJsonAsync("/api/sign-in/", new { login = AliceLogin, password = "Wrong#Pass1" }))).Code.ShouldBe("account_locked");
        var locked = await ProblemAsync(await client.PostAsJsonAsync("/api/sign-in/", new { login = AliceLogin, password = AlicePassword }));
        locked.Code.ShouldBe("account_locked", "even the right password waits for the lockout to end");
        locked.Detail.ShouldContain("15 more minute(s)");

        app.Clock.Advance(TimeSpan.FromMinutes(15));
        (await client.PostAsJsonAsync("/api/sign-in/", new { login = AliceLogin, password = AlicePassword })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Wrong_codes_count_towards_the_lockout_too()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var client = app.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            (await client.PostAsJsonAsync("/api/sign-in/", new { login = AliceLogin, password = "Wrong#Pass1" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var token = await StartSignInAsync(client, AliceLogin, AlicePassword);
        (await ProblemAsync(await client.PostAsJsonAsync("/api/sign-in/code", new { challengeToken = token, code = "000000" }))).Detail.ShouldContain("4 attempt(s) left");
        (await ProblemAsync(await client.PostAsJsonAsync("/api/sign-in/code", new { challengeToken = token, code = "000001" }))).Code.ShouldBe("code_invalid");
        (await ProblemAsync(await client.PostAsJsonAsync("/api/sign-in/code", new { challengeToken = token, code = "000002" }))).Code.ShouldBe("account_locked");
    }

    [Fact]
    public async Task An_expired_or_used_code_is_refused_with_its_own_reason()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var client = app.CreateClient();

        var token = await StartSignInAsync(client, AliceLogin, AlicePassword);
        await DispatchAsync(app);
        var code = app.Mail.LastOneTimeCodeTo(People.AliceEmail);
        (await client.PostAsJsonAsync("/api/sign-in/code", new { challengeToken = token, code })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var used = await ProblemAsync(await client.PostAsJsonAsync("/api/sign-in/code", new { challengeToken = token, code }));

        var late = await StartSignInAsync(client, AliceLogin, AlicePassword);
        await DispatchAsync(app);
        var lateCode = app.Mail.LastOneTimeCodeTo(People.AliceEmail);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var expired = await ProblemAsync(await client.PostAsJsonAsync("/api/sign-in/code", new { challengeToken = late, code = lateCode }));

        used.Code.ShouldBe("code_already_used");
        expired.Code.ShouldBe("code_expired");
        expired.Detail.ShouldContain("Start again with your login and password");
    }

    [Fact]
    public async Task A_new_code_can_be_asked_after_30_seconds_and_replaces_the_old_one()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var client = app.CreateClient();
        var token = await StartSignInAsync(client, AliceLogin, AlicePassword);
        await DispatchAsync(app);
        var first = app.Mail.LastOneTimeCodeTo(People.AliceEmail);

        (await ProblemAsync(await client.PostAsJsonAsync("/api/sign-in/code/resend", new { challengeToken = token }))).Code.ShouldBe("code_requested_too_soon");
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        (await client.PostAsJsonAsync("/api/sign-in/code/resend", new { challengeToken = token, sendTo = "sms" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await DispatchAsync(app);
        var second = app.Mail.LastOneTimeCodeTo(People.AliceMobile);

        if (first != second)
        {
            (await ProblemAsync(await client.PostAsJsonAsync("/api/sign-in/code", new { challengeToken = token, code = first }))).Code.ShouldBe("code_invalid");
        }

        (await client.PostAsJsonAsync("/api/sign-in/code", new { challengeToken = token, code = second })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_same_site_and_secure_in_production_settings()
    {
        await using var app = await CarnetWebFactory.StartAsync(settings: new Dictionary<string, string?>(StringComparer.Ordinal) { ["Carnet:SignIn:SecureCookies"] = "true" });
        await CreateAliceAsync(app);
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        var token = await StartSignInAsync(client, AliceLogin, AlicePassword);
        await DispatchAsync(app);

        var response = await client.PostAsJsonAsync("/api/sign-in/code", new { challengeToken = token, code = app.Mail.LastOneTimeCodeTo(People.AliceEmail) });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("carnet.session=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=lax", Case.Insensitive);
        cookie.ShouldContain("secure", Case.Insensitive);
    }

    [Fact]
    public async Task Sign_in_requests_are_rate_limited_per_address()
    {
        await using var app = await CarnetWebFactory.StartAsync(settings: new Dictionary<string, string?>(StringComparer.Ordinal) { ["Carnet:SignIn:RequestsPerMinute"] = "3" });
        using var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            (await client.PostAsJsonAsync("/api/sign-in/", new { login = "nobody.here", password = "Wrong#Pass1" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var limited = await client.PostAsJsonAsync("/api/password-reset/", new { login = "nobody.here" });

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        limited.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await ProblemAsync(limited)).Code.ShouldBe("rate_limited");
    }

    [Theory]
    [DatabaseProviders]
    public async Task A_burst_of_parallel_guesses_gets_no_more_tries_than_guesses_one_by_one(DatabaseProvider provider)
    {
        await using var app = await CarnetWebFactory.StartAsync(provider, new Dictionary<string, string?>(StringComparer.Ordinal) { ["Carnet:SignIn:RequestsPerMinute"] = "1000" });
        await CreateAliceAsync(app);
        using var client = app.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
            await ProblemAsync(await client.PostAsJsonAsync("/api/sign-in/", new { login = AliceLogin, password = $"Wrong#Pass{i}" }))));

        answers.Count(a => a.Code == "invalid_credentials").ShouldBeLessThanOrEqualTo(5, "at most 5 passwords are checked, as when guessing one by one");
        answers.Where(a => a.Code != "invalid_credentials").ShouldAllBe(a => a.Code == "account_locked");
        (await ProblemAsync(await client.PostAsJsonAsync("/api/sign-in/", new { login = AliceLogin, password = AlicePassword }))).Code.ShouldBe("account_locked");
    }
}
