using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Carnet.Professionals;
using Carnet.Tests.SignIn.Establishments;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Web.Tests.SignIn.Establishments;

/// <summary>Establishment software over HTTP: the token endpoint, the access token and the acting professional.</summary>
public class EstablishmentHttpTests
{
    [Fact]
    public async Task A_lab_gets_a_bearer_token_that_is_never_cached()
    {
        await using var web = await WebLab.StartAsync();

        using var response = await web.PostTokenAsync(web.Lab.ClientAssertion());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("token_type").GetString().ShouldBe("Bearer");
        body.GetProperty("expires_in").GetInt32().ShouldBe(600);
        body.GetProperty("access_token").GetString()!.Split('.').Length.ShouldBe(3);
    }

    [Fact]
    public async Task A_replayed_assertion_gets_401_invalid_client_that_says_so()
    {
        await using var web = await WebLab.StartAsync();
        var assertion = web.Lab.ClientAssertion();
        (await web.PostTokenAsync(assertion)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var response = await web.PostTokenAsync(assertion);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("error").GetString().ShouldBe("invalid_client");
        body.GetProperty("error_description").GetString()!.ShouldContain("jti was already used");
    }

    [Fact]
    public async Task Malformed_token_requests_get_400_with_the_rfc_6749_error()
    {
        await using var web = await WebLab.StartAsync();

        using var json = await web.Client.PostAsJsonAsync("/oauth/token", new { grant_type = "client_credentials" });
        using var password = await web.Client.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal) { ["grant_type"] = "password" }));

        json.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await json.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().ShouldBe("invalid_request");
        password.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await password.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().ShouldBe("unsupported_grant_type");
    }

    [Fact]
    public async Task Caller_shows_the_lab_and_its_acting_biologist()
    {
        await using var web = await WebLab.StartAsync();
        var token = await web.TokenAsync();

        using var response = await web.CallerAsync(token, web.Lab.ActingAssertion());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var caller = await response.Content.ReadFromJsonAsync<JsonElement>();
        caller.GetProperty("kind").GetString().ShouldBe("establishment");
        caller.GetProperty("displayName").GetString().ShouldBe("Émilie ROBIN");
        caller.GetProperty("clientId").GetString().ShouldBe(web.Lab.ClientId);
        caller.GetProperty("finess").GetString().ShouldBe(Lab.Finess);
        var professional = caller.GetProperty("actingProfessional");
        professional.GetProperty("idNatPs").GetString().ShouldBe(Lab.BiologistIdNatPs);
        professional.GetProperty("profession").GetString().ShouldBe("10");
        professional.GetProperty("specialty").GetString().ShouldBe("SM03");
        caller.GetProperty("accessMode").GetString().ShouldBe("normal");
    }

    [Fact]
    public async Task Caller_shows_a_break_the_glass_access_and_one_assertion_serves_several_calls()
    {
        await using var web = await WebLab.StartAsync();
        var token = await web.TokenAsync();
        var acting = web.Lab.ActingAssertion("bris_de_glace", c => c["access_reason"] = "Patient inconscient aux urgences");

        using var first = await web.CallerAsync(token, acting);
        web.Clock.Advance(TimeSpan.FromMinutes(4));
        using var second = await web.CallerAsync(token, acting);

        (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessMode").GetString().ShouldBe("bris_de_glace");
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_expired_access_token_gets_401_with_a_bearer_challenge_and_what_to_do()
    {
        await using var web = await WebLab.StartAsync();
        var token = await web.TokenAsync();

        web.Clock.Advance(TimeSpan.FromMinutes(11));
        using var response = await web.CallerAsync(token, web.Lab.ActingAssertion());

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        challenge.ShouldStartWith("Bearer error=\"invalid_token\", error_description=\"The access token expired at 2026-01-05T09:10:00Z");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("token_expired");
        problem.GetProperty("detail").GetString()!.ShouldContain("request a new one at POST /oauth/token");
    }

    [Fact]
    public async Task A_token_of_a_client_disabled_meanwhile_is_refused_at_its_next_call()
    {
        await using var web = await WebLab.StartAsync();
        var token = await web.TokenAsync();
        (await web.CallerAsync(token, web.Lab.ActingAssertion())).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var scope = web.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SetEstablishmentClientEnabled>().HandleAsync(new SetEstablishmentClientEnabled.Request(web.Lab.ClientId, false), CancellationToken.None);
        }

        using var response = await web.CallerAsync(token, web.Lab.ActingAssertion());

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldContain("error=\"invalid_token\"");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("client_disabled");
    }

    [Fact]
    public async Task A_call_without_an_acting_professional_says_which_header_to_send()
    {
        await using var web = await WebLab.StartAsync();
        var token = await web.TokenAsync();

        using var response = await web.CallerAsync(token, acting: null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldContain("error=\"invalid_request\"");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("acting_professional_missing");
        problem.GetProperty("detail").GetString()!.ShouldContain("Carnet-Acting-Professional");
    }

    [Fact]
    public async Task An_acting_assertion_signed_by_another_client_is_refused()
    {
        await using var web = await WebLab.StartAsync();
        using var otherKey = SoftwareKey.Ec("hospital-1");
        var hospital = await Lab.RegisterAsync(web.App.Services, web.Clock, otherKey, Lab.OtherFiness);
        var token = await web.TokenAsync();

        var problem = await ProblemAsync(await web.CallerAsync(token, hospital.ActingAssertion()));

        problem.Code.ShouldBe("acting_professional_wrong_client");
        problem.Detail.ShouldContain($"the access token belongs to client {web.Lab.ClientId}");
    }

    [Fact]
    public async Task An_expired_acting_assertion_is_refused()
    {
        await using var web = await WebLab.StartAsync();
        var acting = web.Lab.ActingAssertion();
        web.Clock.Advance(TimeSpan.FromMinutes(6));
        var token = await web.TokenAsync();

        var problem = await ProblemAsync(await web.CallerAsync(token, acting));

        problem.Code.ShouldBe("acting_professional_expired");
        problem.Detail.ShouldContain("make a new one");
    }

    [Fact]
    public async Task An_acting_professional_unknown_to_the_directory_is_refused()
    {
        await using var web = await WebLab.StartAsync();
        var token = await web.TokenAsync();

        var problem = await ProblemAsync(await web.CallerAsync(token, web.Lab.ActingAssertion(change: c => c["sub"] = Lab.UnknownIdNatPs)));

        problem.Code.ShouldBe("unknown_professional");
        problem.Detail.ShouldContain(Lab.UnknownIdNatPs);
    }

    [Fact]
    public async Task A_profession_that_differs_from_the_directory_is_refused()
    {
        await using var web = await WebLab.StartAsync();
        var token = await web.TokenAsync();

        var problem = await ProblemAsync(await web.CallerAsync(token, web.Lab.ActingAssertion(change: c => c["profession"] = "21")));

        problem.Code.ShouldBe("profession_mismatch");
        problem.Detail.ShouldContain("the directory has 10 (Médecin)");
    }

    [Fact]
    public async Task An_unknown_access_mode_is_refused_with_the_three_modes()
    {
        await using var web = await WebLab.StartAsync();
        var token = await web.TokenAsync();

        var problem = await ProblemAsync(await web.CallerAsync(token, web.Lab.ActingAssertion("urgence")));

        problem.Code.ShouldBe("unknown_access_mode");
        problem.Detail.ShouldContain("normal, bris_de_glace");
    }

    [Fact]
    public async Task An_acting_assertion_signed_with_a_revoked_key_is_refused()
    {
        await using var web = await WebLab.StartAsync();
        var token = await web.TokenAsync();
        await using (var scope = web.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Carnet.SignIn.Establishments.RevokeClientKey>().HandleAsync(new(web.Lab.ClientId, web.Lab.Key.Kid), CancellationToken.None);
        }

        var problem = await ProblemAsync(await web.CallerAsync(token, web.Lab.ActingAssertion()));

        problem.Code.ShouldBe("acting_professional_key_revoked");
    }

    [Fact]
    public async Task Without_a_token_caller_answers_401()
    {
        await using var web = await WebLab.StartAsync();

        (await web.Client.GetAsync("/api/caller")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Carnet_publishes_the_key_that_signs_its_tokens()
    {
        await using var web = await WebLab.StartAsync();
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(await web.TokenAsync());

        var jwks = await web.Client.GetFromJsonAsync<JsonElement>("/oauth/jwks");

        var key = jwks.GetProperty("keys").EnumerateArray().Single();
        key.GetProperty("kid").GetString().ShouldBe(token.Kid);
        key.TryGetProperty("d", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task The_openapi_document_describes_the_token_endpoint_and_caller()
    {
        await using var web = await WebLab.StartAsync();

        using var document = JsonDocument.Parse(await web.Client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        var token = paths.GetProperty("/oauth/token").GetProperty("post");
        token.GetProperty("summary").GetString()!.ShouldContain("client assertion");
        token.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/x-www-form-urlencoded", out _).ShouldBeTrue();
        paths.GetProperty("/api/caller").GetProperty("get").GetProperty("summary").GetString()!.ShouldContain("Who Carnet thinks is calling");
    }

    private static async Task<(string Code, string Detail)> ProblemAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (problem.GetProperty("code").GetString()!, problem.GetProperty("detail").GetString()!);
        }
    }
}
