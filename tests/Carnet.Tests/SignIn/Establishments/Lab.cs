using Carnet.Professionals;
using Carnet.SignIn.Establishments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Carnet.Tests.SignIn.Establishments;

/// <summary>
/// A laboratory's software registered in Carnet with one key, and its biologist in the directory. It
/// makes client assertions and acting-professional assertions as a real client would, at the test's clock.
/// </summary>
public sealed class Lab(string clientId, SoftwareKey key, EstablishmentSignInOptions options, FakeClock clock)
{
    public const string Finess = "690000013";
    public const string OtherFiness = "750000028";
    public const string BiologistRpps = "10505678903";
    public const string BiologistIdNatPs = "8" + BiologistRpps;
    public const string UnknownIdNatPs = "810606789013";

    public string ClientId { get; } = clientId;

    public SoftwareKey Key { get; } = key;

    public EstablishmentSignInOptions Options { get; } = options;

    /// <summary>Registers the establishment (if new), a client, the biologist (if new) and the key.</summary>
    public static async Task<Lab> RegisterAsync(IServiceProvider services, FakeClock clock, SoftwareKey key, string finess = Finess)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<Carnet.Persistence.CarnetDbContext>();
        if (!await db.Establishments.AnyAsync(e => e.Finess == Carnet.Identifiers.Finess.Parse(finess)))
        {
            await provider.GetRequiredService<RegisterEstablishment>().HandleAsync(new RegisterEstablishment.Request(finess, "Laboratoire " + finess, EstablishmentKind.Laboratory), CancellationToken.None);
        }

        var clientId = await provider.GetRequiredService<RegisterEstablishmentClient>().HandleAsync(new RegisterEstablishmentClient.Request(finess, "LIS"), CancellationToken.None);
        if (!await db.Professionals.AnyAsync(p => p.IdNatPs == Carnet.Identifiers.ProfessionalId.Parse(BiologistIdNatPs, "idNat_PS")))
        {
            await provider.GetRequiredService<RegisterProfessional>().HandleAsync(new RegisterProfessional.Request(BiologistRpps, null, "ROBIN", "Émilie", "10", "SM03", null), CancellationToken.None);
        }

        await provider.GetRequiredService<RegisterClientKey>().HandleAsync(new RegisterClientKey.Request(clientId, key.PublicJwk), CancellationToken.None);
        return new Lab(clientId, key, provider.GetRequiredService<IOptions<EstablishmentSignInOptions>>().Value, clock);
    }

    /// <summary>A client assertion for <c>POST /oauth/token</c> (RFC 7523 §3), valid two minutes, with a new jti.</summary>
    public string ClientAssertion(Action<Dictionary<string, object?>>? change = null, SoftwareKey? signer = null, string? alg = null, string? kid = null)
    {
        var now = clock.UtcNow.ToUnixTimeSeconds();
        var claims = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["iss"] = ClientId,
            ["sub"] = ClientId,
            ["aud"] = Options.TokenEndpoint,
            ["iat"] = now,
            ["exp"] = now + 120,
            ["jti"] = Guid.NewGuid().ToString(),
        };
        change?.Invoke(claims);
        return (signer ?? Key).Jwt(claims, alg, kid);
    }

    /// <summary>A <c>Carnet-Acting-Professional</c> assertion naming the biologist, valid five minutes.</summary>
    public string ActingAssertion(string accessMode = "normal", Action<Dictionary<string, object?>>? change = null, SoftwareKey? signer = null)
    {
        var now = clock.UtcNow.ToUnixTimeSeconds();
        var claims = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["iss"] = ClientId,
            ["aud"] = Options.ApiAudience,
            ["iat"] = now,
            ["exp"] = now + 300,
            ["sub"] = BiologistIdNatPs,
            ["name"] = "Émilie ROBIN",
            ["profession"] = "10",
            ["specialty"] = "SM03",
            ["access_mode"] = accessMode,
        };
        change?.Invoke(claims);
        return (signer ?? Key).Jwt(claims);
    }
}
