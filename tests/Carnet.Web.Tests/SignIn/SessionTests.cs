using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Carnet.Persistence;
using Carnet.Tests.Testing;
using Carnet.Web.Tests.Testing;
using static Carnet.Web.Tests.Testing.TestAccounts;

namespace Carnet.Web.Tests.SignIn;

/// <summary>The holder lists and revokes devices and sessions (DOMAIN.md §3.3); a revoked session is refused at once.</summary>
public class SessionTests
{
    [Theory]
    [DatabaseProviders]
    public async Task A_revoked_session_is_refused_at_its_next_request(DatabaseProvider provider)
    {
        await using var app = await CarnetWebFactory.StartAsync(provider);
        await CreateAliceAsync(app);
        using var phone = app.CreateClient();
        phone.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Linux; Android 14) Chrome/130.0 Mobile Safari/537.36");
        using var laptop = app.CreateClient();
        laptop.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0");
        await SignInAliceAsync(app, phone);
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await SignInAliceAsync(app, laptop);

        var sessions = await laptop.GetFromJsonAsync<JsonElement[]>("/api/sessions/");
        sessions!.Length.ShouldBe(2);
        sessions.Single(s => s.GetProperty("current").GetBoolean()).GetProperty("device").GetString().ShouldBe("Firefox on Linux");
        var phoneSession = sessions.Single(s => !s.GetProperty("current").GetBoolean());
        phoneSession.GetProperty("device").GetString().ShouldBe("Chrome on Android");

        (await laptop.DeleteAsync($"/api/sessions/{phoneSession.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await phone.GetAsync("/api/sessions/current")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await laptop.GetAsync("/api/sessions/current")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_even_for_a_copy_of_its_cookie()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var token = await StartSignInAsync(client, AliceLogin, AlicePassword);
        await DispatchAsync(app);
        var signedIn = await client.PostAsJsonAsync("/api/sign-in/code", new { challengeToken = token, code = app.Mail.LastOneTimeCodeTo(People.AliceEmail) });
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("carnet.session=", StringComparison.Ordinal)).Split(';')[0];
        client.DefaultRequestHeaders.Add("Cookie", cookie);

        (await client.DeleteAsync("/api/sessions/current")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await client.GetAsync("/api/sessions/current")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "a stolen copy of the cookie is worthless once the session ended");
    }

    [Fact]
    public async Task An_idle_session_ends_after_30_minutes()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var client = app.CreateClient();
        await SignInAliceAsync(app, client);

        app.Clock.Advance(TimeSpan.FromMinutes(20));
        (await client.GetAsync("/api/sessions/current")).StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        (await client.GetAsync("/api/sessions/current")).StatusCode.ShouldBe(HttpStatusCode.OK, "activity keeps the session open");
        app.Clock.Advance(TimeSpan.FromMinutes(31));

        var problem = await ProblemAsync(await client.GetAsync("/api/sessions/current"));
        problem.Status.ShouldBe(401);
        problem.Code.ShouldBe("sign_in_required");
    }

    [Fact]
    public async Task Someone_elses_session_cannot_be_revoked()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var client = app.CreateClient();
        await SignInAliceAsync(app, client);

        var problem = await ProblemAsync(await client.DeleteAsync($"/api/sessions/{Guid.NewGuid()}"));

        problem.Status.ShouldBe(404);
        problem.Code.ShouldBe("session_not_found");
    }
}
