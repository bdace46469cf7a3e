using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Carnet.Web.Tests.Testing;

/// <summary>
/// A passkey authenticator in software (WebAuthn level 3, "none" attestation, ES256), answering the
/// options Carnet sends as a browser and a phone would: enough to test both ceremonies end to end.
/// </summary>
public sealed class SoftwareAuthenticator : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _credentialId = RandomNumberGenerator.GetBytes(16);
    private byte[] _userHandle = [];
    private uint _signCount;

    public string Origin { get; init; } = "http://localhost";

    /// <summary>The JSON of <c>navigator.credentials.create()</c>'s result for these creation options.</summary>
    public string Create(string creationOptionsJson)
    {
        var options = JsonNode.Parse(creationOptionsJson)!;
        var rpId = options["rp"]?["id"]?.GetValue<string>() ?? new Uri(Origin).Host;
        _userHandle = FromBase64Url(options["user"]!["id"]!.GetValue<string>());
        var clientData = ClientData("webauthn.create", options["challenge"]!.GetValue<string>());
        var parameters = _key.ExportParameters(false);
        var coseKey = Concat([0xA5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20], parameters.Q.X!, [0x22, 0x58, 0x20], parameters.Q.Y!);
        var attested = Concat(new byte[16], [0, (byte)_credentialId.Length], _credentialId, coseKey);
        var authData = Concat(SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), [0x45], Counter(), attested);
        var attestationObject = Concat(
            [0xA3, 0x63], Encoding.ASCII.GetBytes("fmt"), [0x64], Encoding.ASCII.GetBytes("none"),
            [0x67], Encoding.ASCII.GetBytes("attStmt"), [0xA0],
            [0x68], Encoding.ASCII.GetBytes("authData"), [0x58, (byte)authData.Length], authData);
        return Credential(new JsonObject
        {
            ["clientDataJSON"] = Base64Url(clientData),
            ["attestationObject"] = Base64Url(attestationObject),
            ["transports"] = new JsonArray("internal"),
        });
    }

    /// <summary>The JSON of <c>navigator.credentials.get()</c>'s result for these request options.</summary>
    public string Get(string requestOptionsJson)
    {
        var options = JsonNode.Parse(requestOptionsJson)!;
        var rpId = options["rpId"]?.GetValue<string>() ?? new Uri(Origin).Host;
        var clientData = ClientData("webauthn.get", options["challenge"]!.GetValue<string>());
        _signCount++;
        var authData = Concat(SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), [0x05], Counter());
        var signature = _key.SignData(Concat(authData, SHA256.HashData(clientData)), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return Credential(new JsonObject
        {
            ["clientDataJSON"] = Base64Url(clientData),
            ["authenticatorData"] = Base64Url(authData),
            ["signature"] = Base64Url(signature),
            ["userHandle"] = Base64Url(_userHandle),
        });
    }

    public void Dispose() => _key.Dispose();

    private string Credential(JsonObject response) => new JsonObject
    {
        ["id"] = Base64Url(_credentialId),
        ["rawId"] = Base64Url(_credentialId),
        ["type"] = "public-key",
        ["response"] = response,
        ["clientExtensionResults"] = new JsonObject(),
        ["authenticatorAttachment"] = "platform",
    }.ToJsonString();

    private byte[] ClientData(string type, string challenge) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>(StringComparer.Ordinal) { ["type"] = type, ["challenge"] = challenge, ["origin"] = Origin, ["crossOrigin"] = false });

    private byte[] Counter() => [(byte)(_signCount >> 24), (byte)(_signCount >> 16), (byte)(_signCount >> 8), (byte)_signCount];

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private static byte[] FromBase64Url(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);
}
