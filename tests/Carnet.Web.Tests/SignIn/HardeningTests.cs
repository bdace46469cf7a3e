using System.Net;
using Carnet.Persistence;
using Carnet.Tests.Testing;
using Carnet.Web.Tests.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Carnet.Web.Tests.Testing.TestAccounts;

namespace Carnet.Web.Tests.SignIn;

/// <summary>Security headers, and the Data Protection key ring shared by every node and sealed under the master key.</summary>
public class HardeningTests
{
    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        using var client = app.CreateClient();

        foreach (var path in new[] { "/", "/health", "/api/sessions/current" })
        {
            var response = await client.GetAsync(path);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            csp.ShouldContain("frame-ancestors 'none'", customMessage: path);
            csp.ShouldContain("script-src 'self'", customMessage: path);
            response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff", path);
            response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer", path);
        }
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_outside_development()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        using var https = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://carnet.example") });
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://carnet.example") });

        (await https.GetAsync("/health")).Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=");
        (await http.GetAsync("/health")).Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Theory]
    [DatabaseProviders]
    public async Task A_session_opened_on_one_node_is_honoured_by_another(DatabaseProvider provider)
    {
        await using var first = await CarnetWebFactory.StartAsync(provider);
        await CreateAliceAsync(first);
        using var client = first.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var token = await StartSignInAsync(client, AliceLogin, AlicePassword);
        await DispatchAsync(first);
        var signedIn = await client.PostAsync("/api/sign-in/code", System.Net.Http.Json.JsonContent.Create(new { challengeToken = token, code = first.Mail.LastOneTimeCodeTo(People.AliceEmail) }));
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("carnet.session=", StringComparison.Ordinal)).Split(';')[0];

        await using var second = first.SecondNode();
        using var other = second.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        other.DefaultRequestHeaders.Add("Cookie", cookie);

        (await other.GetAsync("/api/sessions/current")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_key_ring_is_stored_in_the_database_encrypted_under_the_master_key()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var client = app.CreateClient();
        await SignInAliceAsync(app, client);

        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<CarnetDbContext>().DataProtectionKeys.ToListAsync();

        stored.ShouldNotBeEmpty();
        stored.ShouldAllBe(k => k.Xml.Contains("carnetMasterKeyEncrypted") && !k.Xml.Contains("<masterKey"));
    }

    [Fact]
    public async Task Passwords_codes_tokens_and_cookies_never_reach_the_logs()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var token = await StartSignInAsync(client, AliceLogin, AlicePassword);
        await DispatchAsync(app);
        var code = app.Mail.LastOneTimeCodeTo(People.AliceEmail);
        var wrong = await client.PostAsync("/api/sign-in/code", System.Net.Http.Json.JsonContent.Create(new { challengeToken = token, code = "999999" }));
        var signedIn = await client.PostAsync("/api/sign-in/code", System.Net.Http.Json.JsonContent.Create(new { challengeToken = token, code }));
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("carnet.session=", StringComparison.Ordinal)).Split(';')[0]["carnet.session=".Length..];

        wrong.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        app.Logs.Lines.ShouldNotBeEmpty();
        foreach (var secret in new[] { AlicePassword, code, token, cookie, People.Alice })
        {
            app.Logs.All.ShouldNotContain(secret);
        }
    }

    [Fact]
    public async Task A_bare_bearer_header_is_answered_by_the_token_door_not_the_session_one()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/caller");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer");

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
        (await ProblemAsync(response)).Code.ShouldBe("token_missing");
    }
}
