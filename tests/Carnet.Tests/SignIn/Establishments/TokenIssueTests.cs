using Carnet.Persistence;
using Carnet.Professionals;
using Carnet.SignIn.Establishments;
using Carnet.Tests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Carnet.Tests.SignIn.Establishments;

/// <summary>The token request of establishment software (RFC 7523 private_key_jwt in a client credentials grant).</summary>
public class TokenIssueTests
{
    [Theory]
    [DatabaseProviders]
    public async Task A_lab_gets_a_token_with_an_ES256_assertion(DatabaseProvider provider)
    {
        await using var host = await LabHost.StartAsync(provider);
        var lab = host.Lab;

        var result = await host.IssueAsync(lab.ClientAssertion());

        result.ExpiresIn.ShouldBe(600);
        var token = new JsonWebToken(result.AccessToken);
        token.Alg.ShouldBe("ES256");
        token.Typ.ShouldBe("at+jwt");
        token.Issuer.ShouldBe(lab.Options.TokenIssuer);
        token.Audiences.ShouldBe([lab.Options.ApiAudience]);
        token.Subject.ShouldBe(lab.ClientId);
        token.ValidTo.ShouldBe(host.Clock.UtcNow.AddMinutes(10).UtcDateTime);
        (await host.Host.QueryAsync(db => db.TokenSigningKeys.Select(k => k.Kid).SingleAsync())).ShouldBe(token.Kid);
    }

    [Fact]
    public async Task A_lab_gets_a_token_with_an_RS256_assertion()
    {
        await using var host = await LabHost.StartAsync(key: SoftwareKey.Rsa());
        var lab = host.Lab;

        var result = await host.IssueAsync(lab.ClientAssertion());

        new JsonWebToken(result.AccessToken).Subject.ShouldBe(lab.ClientId);
    }

    [Fact]
    public async Task A_lab_rotates_its_keys_with_two_kids_then_revokes_the_old_one()
    {
        await using var host = await LabHost.StartAsync(key: SoftwareKey.Ec("lab-2025"));
        using var next = SoftwareKey.Ec("lab-2026");
        var lab = host.Lab;
        var old = lab.Key;
        await host.Host.RunAsync<RegisterClientKey>(u => u.HandleAsync(new RegisterClientKey.Request(lab.ClientId, next.PublicJwk), CancellationToken.None));

        await host.IssueAsync(lab.ClientAssertion());
        await host.IssueAsync(lab.ClientAssertion(signer: next));
        await host.Host.RunAsync<RevokeClientKey>(u => u.HandleAsync(new RevokeClientKey.Request(lab.ClientId, old.Kid), CancellationToken.None));

        (await host.RefusedAsync(lab.ClientAssertion())).Reason.ShouldBe("key_revoked");
        await host.IssueAsync(lab.ClientAssertion(signer: next));
    }

    [Fact]
    public async Task An_unknown_client_is_refused()
    {
        await using var host = await LabHost.StartAsync();
        var lab = host.Lab;

        var refused = await host.RefusedAsync(lab.ClientAssertion(c => c["iss"] = c["sub"] = "es-690000013-deadbeef"));

        refused.Error.ShouldBe("invalid_client");
        refused.Reason.ShouldBe("unknown_client");
        refused.Message.ShouldContain("es-690000013-deadbeef");
    }

    [Fact]
    public async Task An_unknown_key_id_is_refused_with_how_to_register_it()
    {
        await using var host = await LabHost.StartAsync();
        var lab = host.Lab;

        var refused = await host.RefusedAsync(lab.ClientAssertion(kid: "never-registered"));

        refused.Reason.ShouldBe("unknown_key");
        refused.Message.ShouldContain("carnet clients add-key");
    }

    [Fact]
    public async Task An_assertion_signed_by_another_key_under_the_registered_kid_has_a_bad_signature()
    {
        await using var host = await LabHost.StartAsync();
        var lab = host.Lab;
        using var thief = SoftwareKey.Ec(lab.Key.Kid);

        var refused = await host.RefusedAsync(lab.ClientAssertion(signer: thief));

        refused.Reason.ShouldBe("bad_signature");
        refused.Message.ShouldContain("r‖s");
    }

    [Fact]
    public async Task An_expired_assertion_is_refused_with_both_clocks()
    {
        await using var host = await LabHost.StartAsync();
        var lab = host.Lab;
        var assertion = lab.ClientAssertion();

        host.Clock.Advance(TimeSpan.FromMinutes(3));
        var refused = await host.RefusedAsync(assertion);

        refused.Reason.ShouldBe("expired");
        refused.Message.ShouldContain("Carnet's clock reads 2026-01-05T09:03:00Z");
    }

    [Theory]
    [DatabaseProviders]
    public async Task A_replayed_assertion_is_refused_the_second_time(DatabaseProvider provider)
    {
        await using var host = await LabHost.StartAsync(provider);
        var lab = host.Lab;
        var assertion = lab.ClientAssertion();

        await host.IssueAsync(assertion);
        var refused = await host.RefusedAsync(assertion);

        refused.Reason.ShouldBe("replayed");
        refused.Message.ShouldStartWith("Assertion replayed");
    }

    [Theory]
    [DatabaseProviders]
    public async Task Two_nodes_receiving_the_same_assertion_at_once_issue_one_token(DatabaseProvider provider)
    {
        await using var host = await LabHost.StartAsync(provider);
        var lab = host.Lab;
        await host.IssueAsync(lab.ClientAssertion());
        var assertion = lab.ClientAssertion();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            try
            {
                await host.IssueAsync(assertion);
                return "issued";
            }
            catch (TokenRequestRefusedException e)
            {
                return e.Reason;
            }
        })));

        attempts.Count(a => a == "issued").ShouldBe(1);
        attempts.Where(a => a != "issued").ShouldAllBe(a => a == "replayed");
        (await host.Host.QueryAsync(db => db.UsedClientAssertions.CountAsync())).ShouldBe(2);
    }

    [Fact]
    public async Task An_assertion_for_another_audience_is_refused()
    {
        await using var host = await LabHost.StartAsync();
        var lab = host.Lab;

        var apiAudience = await host.RefusedAsync(lab.ClientAssertion(c => c["aud"] = lab.Options.ApiAudience));
        var otherServer = await host.RefusedAsync(lab.ClientAssertion(c => c["aud"] = new[] { "https://dmp.example/token" }));

        apiAudience.Reason.ShouldBe("wrong_audience");
        otherServer.Message.ShouldContain($"set aud to \"{lab.Options.TokenEndpoint}\"");
    }

    [Fact]
    public async Task A_disabled_client_gets_no_token_until_enabled_again()
    {
        await using var host = await LabHost.StartAsync();
        var lab = host.Lab;

        await host.Host.RunAsync<SetEstablishmentClientEnabled, bool>(u => u.HandleAsync(new SetEstablishmentClientEnabled.Request(lab.ClientId, false), CancellationToken.None));
        var refused = await host.RefusedAsync(lab.ClientAssertion());
        await host.Host.RunAsync<SetEstablishmentClientEnabled, bool>(u => u.HandleAsync(new SetEstablishmentClientEnabled.Request(lab.ClientId, true), CancellationToken.None));

        refused.Reason.ShouldBe("client_disabled");
        refused.Message.ShouldContain("enable it again");
        await host.IssueAsync(lab.ClientAssertion());
    }

    [Theory]
    [InlineData("none")]
    [InlineData("HS256")]
    [InlineData("RS384")]
    public async Task Unsigned_and_shared_secret_assertions_are_refused(string alg)
    {
        await using var host = await LabHost.StartAsync();
        var lab = host.Lab;

        var refused = await host.RefusedAsync(lab.ClientAssertion(alg: alg));

        refused.Reason.ShouldBe("alg_not_accepted");
        refused.Message.ShouldContain("ES256");
    }

    [Fact]
    public async Task An_assertion_living_longer_than_five_minutes_is_refused()
    {
        await using var host = await LabHost.StartAsync();
        var lab = host.Lab;

        var refused = await host.RefusedAsync(lab.ClientAssertion(c => c["exp"] = (long)c["iat"]! + 3600));

        refused.Reason.ShouldBe("lifetime_too_long");
        refused.Message.ShouldContain("at most 300 s");
    }

    [Theory]
    [InlineData("jti", "missing_jti")]
    [InlineData("exp", "missing_exp")]
    [InlineData("iat", "missing_iat")]
    public async Task Assertions_missing_a_required_claim_are_refused(string claim, string reason)
    {
        await using var host = await LabHost.StartAsync();
        var lab = host.Lab;

        (await host.RefusedAsync(lab.ClientAssertion(c => c.Remove(claim)))).Reason.ShouldBe(reason);
    }

    [Fact]
    public async Task A_sub_other_than_the_client_and_a_mismatched_client_id_are_refused()
    {
        await using var host = await LabHost.StartAsync();
        var lab = host.Lab;

        (await host.RefusedAsync(lab.ClientAssertion(c => c["sub"] = Lab.BiologistIdNatPs))).Reason.ShouldBe("wrong_subject");
        (await host.RefusedAsync(lab.ClientAssertion(), clientId: "es-other")).Reason.ShouldBe("client_id_mismatch");
    }

    [Theory]
    [InlineData(null, "client_credentials", "invalid_request")]
    [InlineData("password", "client_credentials", "unsupported_grant_type")]
    [InlineData("client_credentials", "urn:ietf:params:oauth:client-assertion-type:saml2-bearer", "invalid_client")]
    public async Task Malformed_requests_get_the_rfc_6749_error(string? grantType, string assertionType, string error)
    {
        await using var host = await LabHost.StartAsync();
        var lab = host.Lab;

        var refused = await Should.ThrowAsync<TokenRequestRefusedException>(() => host.Host.RunAsync<IssueEstablishmentToken, IssueEstablishmentToken.Result>(u => u.HandleAsync(
            new IssueEstablishmentToken.Request(grantType, assertionType, lab.ClientAssertion(), null), CancellationToken.None)));

        refused.Error.ShouldBe(error);
    }

    [Fact]
    public async Task Used_assertions_are_forgotten_once_expired()
    {
        await using var host = await LabHost.StartAsync();
        var lab = host.Lab;
        await host.IssueAsync(lab.ClientAssertion());

        (await host.Host.RunJobAsync<PurgeUsedClientAssertions>()).ShouldBe(0);
        host.Clock.Advance(TimeSpan.FromMinutes(3));
        (await host.Host.RunJobAsync<PurgeUsedClientAssertions>()).ShouldBe(1);
    }

    [Fact]
    public async Task After_a_rotation_the_new_carnet_key_signs_once_published_and_the_old_one_is_still_published()
    {
        await using var host = await LabHost.StartAsync();
        var lab = host.Lab;
        var first = new JsonWebToken((await host.IssueAsync(lab.ClientAssertion())).AccessToken).Kid;

        var rotated = await host.Host.RunAsync<RotateTokenSigningKey, RotateTokenSigningKey.Result>(u => u.HandleAsync(new RotateTokenSigningKey.Request(Immediately: false), CancellationToken.None));
        var during = new JsonWebToken((await host.IssueAsync(lab.ClientAssertion())).AccessToken).Kid;
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        var after = new JsonWebToken((await host.IssueAsync(lab.ClientAssertion())).AccessToken).Kid;
        var published = await host.Host.RunAsync<TokenSigningKeys, IReadOnlyList<TokenSigningKey>>(k => k.PublishedAsync(CancellationToken.None));
        host.Clock.Advance(TimeSpan.FromMinutes(11));
        var later = await host.Host.RunAsync<TokenSigningKeys, IReadOnlyList<TokenSigningKey>>(k => k.PublishedAsync(CancellationToken.None));

        during.ShouldBe(first);
        after.ShouldBe(rotated.Kid);
        published.Select(k => k.Kid).ShouldBe([first, rotated.Kid]);
        later.Select(k => k.Kid).ShouldBe([rotated.Kid]);
    }
}
