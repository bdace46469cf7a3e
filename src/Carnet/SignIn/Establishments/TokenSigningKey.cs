using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Carnet.SignIn.Establishments;

/// <summary>
/// One of Carnet's own ES256 keys for the access tokens it issues. Kept in the database so that every
/// node signs and verifies with the same keys; the private key is stored only as Data Protection
/// ciphertext, so a database dump alone cannot mint tokens. Generations order the keys: the newest key
/// whose <see cref="SignsFrom"/> has come signs, older ones verify the tokens they signed until those expire.
/// </summary>
public sealed class TokenSigningKey
{
    public const string Algorithm = "ES256";

    private TokenSigningKey()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>1 for the first key, then one more per rotation; unique, so two nodes cannot both add the same generation.</summary>
    public int Generation { get; private set; }

    /// <summary>The RFC 7638 thumbprint of the public key, base64url: a kid nobody has to invent.</summary>
    public string Kid { get; private set; } = "";

    /// <summary>The public key as a JWK (RFC 7517), as <c>GET /oauth/jwks</c> publishes it.</summary>
    public string PublicJwk { get; private set; } = "";

    /// <summary>The PKCS#8 private key, protected by ASP.NET Core Data Protection, base64.</summary>
    public string ProtectedPrivateKey { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the key starts signing: published first, so every node knows it before it meets a token it signed.</summary>
    public DateTimeOffset SignsFrom { get; private set; }

    public static TokenSigningKey Create(int generation, IDataProtector protector, DateTimeOffset at, DateTimeOffset signsFrom)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var point = key.ExportParameters(includePrivateParameters: false).Q;
        var x = Base64Url.EncodeToString(point.X);
        var y = Base64Url.EncodeToString(point.Y);

        // RFC 7638 §3.2: the required members only, in lexicographic order, no whitespace.
        var thumbprint = Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes($$"""{"crv":"P-256","kty":"EC","x":"{{x}}","y":"{{y}}"}""")));
        return new TokenSigningKey
        {
            Id = Guid.CreateVersion7(at),
            Generation = generation,
            Kid = thumbprint,
            PublicJwk = $$"""{"kty":"EC","crv":"P-256","x":"{{x}}","y":"{{y}}","kid":"{{thumbprint}}","alg":"{{Algorithm}}","use":"sig"}""",
            ProtectedPrivateKey = Convert.ToBase64String(protector.Protect(key.ExportPkcs8PrivateKey())),
            CreatedAt = at,
            SignsFrom = signsFrom,
        };
    }

    /// <summary>The private key; throws <see cref="CryptographicException"/> when this node's Data Protection keys cannot open it.</summary>
    public ECDsa OpenPrivateKey(IDataProtector protector)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportPkcs8PrivateKey(protector.Unprotect(Convert.FromBase64String(ProtectedPrivateKey)), out _);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
