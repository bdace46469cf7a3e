using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Carnet.Bench.Load;

/// <summary>
/// The demo laboratory's software, as a real client calls Carnet: lab-client.json and its private JWK (written
/// by the demo seed), a client assertion exchanged for an access token (RFC 7523), and the acting-professional
/// assertion every health-data call carries. Tokens are renewed well before they expire.
/// </summary>
public sealed class LabCredentials : IDisposable
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly JsonObject _lab;
    private readonly SigningCredentials _credentials;
    private readonly SemaphoreSlim _renewing = new(1, 1);
    private (string Token, string Professional, DateTimeOffset RenewAt)? _current;

    private LabCredentials(JsonObject lab, SigningCredentials credentials, Uri baseAddress)
    {
        (_lab, _credentials, BaseAddress) = (lab, credentials, baseAddress);
        var patient = lab["demo_patient"] ?? throw new InvalidOperationException("lab-client.json has no demo_patient: start Carnet in Development on a new data folder to reseed the demo.");
        PatientSystem = (string)patient["system"]!;
        PatientValue = (string)patient["value"]!;
        ProfessionalHeader = (string)lab["acting_professional_header"]!;
    }

    public Uri BaseAddress { get; }

    public void Dispose() => _renewing.Dispose();

    public string PatientSystem { get; }

    public string PatientValue { get; }

    public string ProfessionalHeader { get; }

    /// <summary>Reads <paramref name="demoDirectory"/>/lab-client.json; <paramref name="baseAddress"/> is where Carnet answers.</summary>
    public static LabCredentials Load(string demoDirectory, Uri baseAddress)
    {
        var path = Path.Combine(demoDirectory, "lab-client.json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing: start Carnet in Development once (it seeds the demo and writes this file), or pass --demo-dir.", path);
        }

        var lab = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var key = new JsonWebKey(File.ReadAllText(Path.Combine(demoDirectory, (string)lab["private_key_file"]!)));
        // RS256 for an RSA key, else ES256 (the demo's); IdentityModel writes ES256 signatures as r‖s (RFC 7518 §3.4).
        var credentials = new SigningCredentials(key, key.Kty == JsonWebAlgorithmsKeyTypes.RSA ? SecurityAlgorithms.RsaSha256 : SecurityAlgorithms.EcdsaSha256);
        return new LabCredentials(lab, credentials, baseAddress);
    }

    /// <summary>Sets the bearer token and the acting-professional header on <paramref name="request"/>, renewing them when due.</summary>
    public async Task AuthoriseAsync(HttpClient http, HttpRequestMessage request, CancellationToken ct)
    {
        var current = _current;
        if (current is null || TimeProvider.System.GetUtcNow() >= current.Value.RenewAt)
        {
            await _renewing.WaitAsync(ct);
            try
            {
                current = _current;
                if (current is null || TimeProvider.System.GetUtcNow() >= current.Value.RenewAt)
                {
                    current = _current = await RenewAsync(http, ct);
                }
            }
            finally
            {
                _renewing.Release();
            }
        }

        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", current.Value.Token);
        request.Headers.Add(ProfessionalHeader, current.Value.Professional);
    }

    private async Task<(string, string, DateTimeOffset)> RenewAsync(HttpClient http, CancellationToken ct)
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var clientId = (string)_lab["client_id"]!;
        var assertion = Jwt(new JsonObject
        {
            ["iss"] = clientId,
            ["sub"] = clientId,
            ["aud"] = (string)_lab["token_audience"]!,
            ["iat"] = now,
            ["exp"] = now + 120,
            ["jti"] = Guid.NewGuid().ToString(),
        });
        using var response = await http.PostAsync(new Uri(BaseAddress, "/oauth/token"), new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["grant_type"] = "client_credentials",
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = assertion,
        }), ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The token request was refused (HTTP {(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(ct)}. Check that --url is the Carnet that wrote {clientId}'s settings.");
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        var lifetime = body.TryGetProperty("expires_in", out var expires) ? expires.GetInt32() : 300;
        var professional = (JsonObject)_lab["acting_professional"]!;
        var acting = Jwt(new JsonObject
        {
            ["iss"] = clientId,
            ["aud"] = (string)_lab["api_audience"]!,
            ["iat"] = now,
            ["exp"] = now + 300,
            ["sub"] = (string)professional["id_nat_ps"]!,
            ["name"] = (string?)professional["name"],
            ["profession"] = (string?)professional["profession"],
            ["specialty"] = (string?)professional["specialty"],
            ["access_mode"] = "normal",
        });
        // Renewed at half the shorter lifetime, so that no call in flight carries an expired one.
        return (body.GetProperty("access_token").GetString()!, acting, TimeProvider.System.GetUtcNow().AddSeconds(Math.Min(lifetime, 300) / 2.0));
    }

    private string Jwt(JsonObject payload) => Handler.CreateToken(payload.ToJsonString(), _credentials);
}
