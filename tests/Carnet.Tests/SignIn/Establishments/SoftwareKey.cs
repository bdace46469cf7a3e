using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Carnet.Tests.SignIn.Establishments;

/// <summary>
/// The key pair of establishment software, signing JWTs by hand (header.payload.signature) as any
/// client would, so tests can also forge what Carnet must refuse: alg none, HS256, wrong keys.
/// </summary>
public sealed class SoftwareKey : IDisposable
{
    private readonly ECDsa? _ec;
    private readonly RSA? _rsa;

    private SoftwareKey(ECDsa? ec, RSA? rsa, string kid)
    {
        _ec = ec;
        _rsa = rsa;
        Kid = kid;
    }

    public string Kid { get; }

    public string Algorithm => _ec is null ? "RS256" : "ES256";

    public static SoftwareKey Ec(string kid = "lab-ec-1") => new(ECDsa.Create(ECCurve.NamedCurves.nistP256), null, kid);

    public static SoftwareKey Rsa(string kid = "lab-rsa-1", int bits = 2048) => new(null, RSA.Create(bits), kid);

    /// <summary>The public JWK, as the operator registers it.</summary>
    public string PublicJwk => Jwk(includePrivate: false).ToJsonString();

    /// <summary>The private JWK, as the software keeps it.</summary>
    public string PrivateJwk => Jwk(includePrivate: true).ToJsonString();

    /// <summary>A compact JWS of these claims; <paramref name="alg"/> and <paramref name="kid"/> may lie about the key.</summary>
    public string Jwt(IReadOnlyDictionary<string, object?> claims, string? alg = null, string? kid = null)
    {
        var algorithm = alg ?? Algorithm;
        var header = new Dictionary<string, object?>(StringComparer.Ordinal) { ["alg"] = algorithm, ["kid"] = kid ?? Kid, ["typ"] = "JWT" };
        var input = B64(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + B64(JsonSerializer.SerializeToUtf8Bytes(claims));
        var bytes = Encoding.ASCII.GetBytes(input);
        var signature = algorithm switch
        {
            "none" => "",
            "HS256" => B64(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Kid + "-a-shared-secret-of-32-bytes-or-more"), bytes)),
            _ => B64(Sign(bytes)),
        };
        return input + "." + signature;
    }

    public void Dispose()
    {
        _ec?.Dispose();
        _rsa?.Dispose();
    }

    // .NET's ECDsa.SignData gives r‖s (IEEE P1363), which is what JWS wants (RFC 7518 §3.4).
    private byte[] Sign(byte[] data) => _ec is not null
        ? _ec.SignData(data, HashAlgorithmName.SHA256)
        : _rsa!.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    private JsonObject Jwk(bool includePrivate)
    {
        if (_ec is not null)
        {
            var p = _ec.ExportParameters(includePrivate);
            var jwk = new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = B64(p.Q.X!), ["y"] = B64(p.Q.Y!), ["kid"] = Kid };
            if (includePrivate)
            {
                jwk["d"] = B64(p.D!);
            }

            return jwk;
        }

        var r = _rsa!.ExportParameters(includePrivate);
        var rsa = new JsonObject { ["kty"] = "RSA", ["n"] = B64(r.Modulus!), ["e"] = B64(r.Exponent!), ["kid"] = Kid };
        if (includePrivate)
        {
            rsa["d"] = B64(r.D!);
            rsa["p"] = B64(r.P!);
            rsa["q"] = B64(r.Q!);
            rsa["dp"] = B64(r.DP!);
            rsa["dq"] = B64(r.DQ!);
            rsa["qi"] = B64(r.InverseQ!);
        }

        return rsa;
    }

    private static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
