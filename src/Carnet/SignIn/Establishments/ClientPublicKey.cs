using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Carnet.Professionals;

namespace Carnet.SignIn.Establishments;

/// <summary>
/// A client's public key as one JWK (RFC 7517), checked: EC P-256 for ES256 or RSA of 2048 bits or more
/// for RS256 (RFC 7518 §3.1, §3.3, §3.4), the public part only, with a <c>kid</c>.
/// </summary>
public sealed record ClientPublicKey(string Kid, string Algorithm, string Json)
{
    public const string ES256 = "ES256";
    public const string RS256 = "RS256";
    public const int MaxKidLength = 100;
    public const int MinRsaBits = 2048;
    public const int MaxRsaBits = 8192;

    private const string Accepted = "Give an EC P-256 key (for ES256) or an RSA key of 2048 bits or more (for RS256).";

    // RFC 7518 §6.2.2 and §6.3.2: the members that only a private key has.
    private static readonly string[] PrivateMembers = ["d", "p", "q", "dp", "dq", "qi", "oth"];

    /// <summary>Checks a JWK given by the operator; a refusal says what is wrong with the key and what to give instead.</summary>
    public static ClientPublicKey Parse(string? json)
    {
        JsonObject? jwk;
        try
        {
            jwk = string.IsNullOrWhiteSpace(json) ? null : JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            jwk = null;
        }

        if (jwk is null)
        {
            throw Invalid("This is not a JSON Web Key: give one JSON object such as {\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"…\",\"y\":\"…\",\"kid\":\"lab-2026-01\"}.");
        }

        if (jwk.ContainsKey("keys"))
        {
            throw Invalid("This is a JWK set: give one key (one element of \"keys\"), and register each key separately.");
        }

        if (PrivateMembers.FirstOrDefault(jwk.ContainsKey) is { } member)
        {
            throw Invalid($"This is a private key (it has \"{member}\"): give only the public part. The private key stays in the establishment's software and is never sent to Carnet.");
        }

        var kid = Text(jwk, "kid");
        if (string.IsNullOrEmpty(kid))
        {
            throw Invalid("The key has no \"kid\": add one (for example \"lab-2026-01\"). Assertions name their key by it in their header.");
        }

        if (kid.Length > MaxKidLength || kid.Any(c => c is < '!' or > '~'))
        {
            throw Invalid($"The \"kid\" must be 1 to {MaxKidLength} printable ASCII characters without spaces.");
        }

        if (Text(jwk, "use") is { } use && use != "sig")
        {
            throw Invalid($"The key's \"use\" is \"{use}\": a client key signs, so give \"use\": \"sig\" or leave \"use\" out.");
        }

        return Text(jwk, "kty") switch
        {
            "EC" => Ec(jwk, kid),
            "RSA" => Rsa(jwk, kid),
            var kty => throw Invalid($"A key of type \"{kty}\" is not accepted (a shared secret, \"oct\", would let Carnet sign for you). {Accepted}"),
        };
    }

    private static ClientPublicKey Ec(JsonObject jwk, string kid)
    {
        ExpectAlgorithm(jwk, ES256);
        if (Text(jwk, "crv") is var curve && curve != "P-256")
        {
            throw Invalid($"The curve \"{curve}\" is not accepted: ES256 needs an EC key on P-256. {Accepted}");
        }

        var x = Bytes(jwk, "x");
        var y = Bytes(jwk, "y");
        if (x.Length != 32 || y.Length != 32)
        {
            throw Invalid("A P-256 key has \"x\" and \"y\" of 32 bytes each, base64url-encoded without padding.");
        }

        try
        {
            using var key = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } });
        }
        catch (CryptographicException)
        {
            throw Invalid("\"x\" and \"y\" are not a point of the P-256 curve: export the public key again from the software's key pair.");
        }

        return new ClientPublicKey(kid, ES256, Serialise(new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = Base64Url.EncodeToString(x),
            ["y"] = Base64Url.EncodeToString(y),
            ["kid"] = kid,
            ["alg"] = ES256,
            ["use"] = "sig",
        }));
    }

    private static ClientPublicKey Rsa(JsonObject jwk, string kid)
    {
        ExpectAlgorithm(jwk, RS256);
        var modulus = Bytes(jwk, "n").AsSpan().TrimStart((byte)0).ToArray();
        var exponent = Bytes(jwk, "e").AsSpan().TrimStart((byte)0).ToArray();
        var bits = modulus.Length == 0 ? 0 : (modulus.Length * 8) - byte.LeadingZeroCount(modulus[0]);
        if (bits < MinRsaBits || bits > MaxRsaBits)
        {
            throw Invalid($"The RSA key has {bits} bits: RS256 needs {MinRsaBits} to {MaxRsaBits} bits. Generate a new key of at least {MinRsaBits} bits.");
        }

        try
        {
            using var key = System.Security.Cryptography.RSA.Create(new RSAParameters { Modulus = modulus, Exponent = exponent });
        }
        catch (CryptographicException)
        {
            throw Invalid("\"n\" and \"e\" are not a usable RSA public key: export the public key again from the software's key pair.");
        }

        if (exponent.Length == 0 || (exponent[^1] & 1) == 0)
        {
            throw Invalid("The RSA exponent \"e\" must be odd (usually AQAB, that is 65537).");
        }

        return new ClientPublicKey(kid, RS256, Serialise(new JsonObject
        {
            ["kty"] = "RSA",
            ["n"] = Base64Url.EncodeToString(modulus),
            ["e"] = Base64Url.EncodeToString(exponent),
            ["kid"] = kid,
            ["alg"] = RS256,
            ["use"] = "sig",
        }));
    }

    private static void ExpectAlgorithm(JsonObject jwk, string algorithm)
    {
        if (Text(jwk, "alg") is { } alg && alg != algorithm)
        {
            throw Invalid($"The key says \"alg\": \"{alg}\", but this key type signs with {algorithm} only. Give \"alg\": \"{algorithm}\" or leave \"alg\" out.");
        }
    }

    private static string? Text(JsonObject jwk, string name) =>
        jwk[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static byte[] Bytes(JsonObject jwk, string name)
    {
        var text = Text(jwk, name);
        if (string.IsNullOrEmpty(text) || !Base64Url.IsValid(text))
        {
            throw Invalid($"The key's \"{name}\" is missing or not base64url (RFC 7515 §2: URL-safe alphabet, no padding).");
        }

        return Base64Url.DecodeFromChars(text);
    }

    private static string Serialise(JsonObject jwk) => jwk.ToJsonString();

    private static RegistrationException Invalid(string message) => new("invalid_jwk", message);
}
