using System.Text.Json.Nodes;
using Carnet.Professionals;
using Carnet.SignIn.Establishments;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Tests.SignIn.Establishments;

/// <summary>The operator registers and revokes the public keys establishment software signs with.</summary>
public class ClientKeyTests
{
    [Fact]
    public async Task A_client_registers_an_ES256_and_an_RS256_key_stored_public_only()
    {
        await using var labHost = await LabHost.StartAsync(key: SoftwareKey.Ec("lab-ec"));
        var (host, lab) = (labHost.Host, labHost.Lab);
        using var rsa = SoftwareKey.Rsa("lab-rsa");

        var added = await host.RunAsync<RegisterClientKey, RegisterClientKey.Result>(u => u.HandleAsync(new RegisterClientKey.Request(lab.ClientId, rsa.PublicJwk), CancellationToken.None));

        added.Algorithm.ShouldBe("RS256");
        var keys = await host.QueryAsync(db => db.ClientKeys.OrderBy(k => k.Kid).ToListAsync());
        keys.Select(k => (k.Kid, k.Algorithm)).ShouldBe([("lab-ec", "ES256"), ("lab-rsa", "RS256")]);
        keys.ShouldAllBe(k => !k.PublicJwk.Contains("\"d\""));
    }

    [Theory]
    [InlineData("private", "private key")]
    [InlineData("P-384", "P-384")]
    [InlineData("small-rsa", "1024 bits")]
    [InlineData("no-kid", "no \"kid\"")]
    [InlineData("symmetric", "type \"oct\"")]
    [InlineData("not-json", "not a JSON Web Key")]
    [InlineData("jwk-set", "JWK set")]
    public async Task Keys_that_cannot_serve_are_refused_with_what_to_give_instead(string kind, string expected)
    {
        await using var labHost = await LabHost.StartAsync();
        var (host, lab, key) = (labHost.Host, labHost.Lab, labHost.Lab.Key);
        using var small = kind == "small-rsa" ? SoftwareKey.Rsa("small", 1024) : null;
        var jwk = kind switch
        {
            "private" => SoftwareKey.Ec("other").PrivateJwk,
            "P-384" => Changed(SoftwareKey.Ec("other").PublicJwk, j => j["crv"] = "P-384"),
            "small-rsa" => small!.PublicJwk,
            "no-kid" => Changed(SoftwareKey.Ec("other").PublicJwk, j => j.Remove("kid")),
            "symmetric" => """{"kty":"oct","k":"c2VjcmV0","kid":"s"}""",
            "jwk-set" => $$"""{"keys":[{{SoftwareKey.Ec("other").PublicJwk}}]}""",
            _ => "-----BEGIN PUBLIC KEY-----",
        };

        var error = await Should.ThrowAsync<RegistrationException>(() => host.RunAsync<RegisterClientKey>(u => u.HandleAsync(new RegisterClientKey.Request(lab.ClientId, jwk), CancellationToken.None)));

        error.Message.ShouldContain(expected, Case.Insensitive);
        (await host.QueryAsync(db => db.ClientKeys.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task A_kid_is_never_registered_twice_for_a_client_even_after_revocation()
    {
        await using var labHost = await LabHost.StartAsync(key: SoftwareKey.Ec("lab-2026-01"));
        var (host, lab, key) = (labHost.Host, labHost.Lab, labHost.Lab.Key);
        using var next = SoftwareKey.Ec("lab-2026-01");
        await host.RunAsync<RevokeClientKey>(u => u.HandleAsync(new RevokeClientKey.Request(lab.ClientId, key.Kid), CancellationToken.None));

        var error = await Should.ThrowAsync<RegistrationException>(() => host.RunAsync<RegisterClientKey>(u => u.HandleAsync(new RegisterClientKey.Request(lab.ClientId, next.PublicJwk), CancellationToken.None)));

        error.Code.ShouldBe("already_registered");
        error.Message.ShouldContain("another kid");
    }

    [Fact]
    public async Task Revoking_a_key_records_when_and_an_unknown_kid_or_client_says_how_to_find_the_right_one()
    {
        await using var labHost = await LabHost.StartAsync();
        var (host, lab, key) = (labHost.Host, labHost.Lab, labHost.Lab.Key);

        await host.RunAsync<RevokeClientKey>(u => u.HandleAsync(new RevokeClientKey.Request(lab.ClientId, key.Kid), CancellationToken.None));
        var unknownKid = await Should.ThrowAsync<RegistrationException>(() => host.RunAsync<RevokeClientKey>(u => u.HandleAsync(new RevokeClientKey.Request(lab.ClientId, "nope"), CancellationToken.None)));
        var unknownClient = await Should.ThrowAsync<RegistrationException>(() => host.RunAsync<RevokeClientKey>(u => u.HandleAsync(new RevokeClientKey.Request("es-000000000-x", key.Kid), CancellationToken.None)));

        (await host.QueryAsync(db => db.ClientKeys.SingleAsync())).RevokedAt.ShouldBe(host.Clock.UtcNow);
        unknownKid.Message.ShouldContain("carnet clients keys");
        unknownClient.Code.ShouldBe("unknown_client");
    }

    private static string Changed(string jwk, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(jwk)!.AsObject();
        change(node);
        return node.ToJsonString();
    }
}
