using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Carnet.Bench.Load;

/// <summary>
/// The IHE MHD calls of the scenarios, as the demo laboratory's software makes them, each checked whole: an
/// answer counts as a success only when its status, its content and (on retrieve) its bytes are right. Each
/// call returns null on success, else what was wrong.
/// </summary>
public sealed class MhdCalls(HttpClient http, LabCredentials lab)
{
    private readonly Uri _fhir = new(lab.BaseAddress, "/fhir/r4");

    /// <summary>A PDF of <paramref name="size"/> bytes: the header, then random bytes (a new document each time).</summary>
    public static byte[] Pdf(int size)
    {
        var pdf = new byte[size];
        RandomNumberGenerator.Fill(pdf);
        "%PDF-1.4\n"u8.CopyTo(pdf);
        return pdf;
    }

    /// <summary>ITI-65: one DocumentReference with its PDF inline in a Binary entry; every entry must answer 201.</summary>
    public Task<string?> DepositAsync(byte[] pdf, string masterIdentifier, CancellationToken ct) =>
        SubmitAsync(Bundle(masterIdentifier, $"urn:uuid:{Guid.NewGuid()}", pdf), ct);

    /// <summary>
    /// A large document as software sends one: its bytes streamed raw to POST /fhir/r4/Binary (generated as they go,
    /// never held whole here), then the ITI-65 bundle that names the Binary. Returns the failure and the bytes' SHA-256.
    /// </summary>
    public async Task<(string? Failure, byte[] Sha256)> DepositStreamedAsync(long size, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var binary = new HttpRequestMessage(HttpMethod.Post, $"{_fhir}/Binary") { Content = new GeneratedPdfContent(size, hash) };
        binary.Headers.Add("X-Security-Context", $"Patient?identifier={lab.PatientSystem}|{lab.PatientValue}");
        await lab.AuthoriseAsync(http, binary, ct);
        using var posted = await http.SendAsync(binary, HttpCompletionOption.ResponseContentRead, ct);
        var sha256 = hash.GetHashAndReset();
        if (posted.StatusCode != HttpStatusCode.Created || posted.Headers.Location is not { } location)
        {
            return ($"Binary: HTTP {(int)posted.StatusCode} {await posted.Content.ReadAsStringAsync(ct)}", sha256);
        }

        return (await SubmitAsync(Bundle($"urn:uuid:{Guid.NewGuid()}", location.ToString(), inline: null), ct), sha256);
    }

    private JsonObject Bundle(string masterIdentifier, string attachmentUrl, byte[]? inline)
    {
        var subject = new JsonObject { ["identifier"] = new JsonObject { ["system"] = lab.PatientSystem, ["value"] = lab.PatientValue } };
        var entries = new JsonArray(
            new JsonObject
            {
                ["fullUrl"] = $"urn:uuid:{Guid.NewGuid()}",
                ["resource"] = new JsonObject
                {
                    ["resourceType"] = "List",
                    ["status"] = "current",
                    ["mode"] = "working",
                    ["subject"] = subject.DeepClone(),
                    ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes", ["code"] = "submissionset" }) },
                },
                ["request"] = new JsonObject { ["method"] = "POST", ["url"] = "List" },
            },
            new JsonObject
            {
                ["fullUrl"] = $"urn:uuid:{Guid.NewGuid()}",
                ["resource"] = new JsonObject
                {
                    ["resourceType"] = "DocumentReference",
                    ["status"] = "current",
                    ["subject"] = subject.DeepClone(),
                    ["masterIdentifier"] = new JsonObject { ["system"] = "urn:ietf:rfc:3986", ["value"] = masterIdentifier },
                    ["type"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://loinc.org", ["code"] = "11502-2" }) },
                    ["content"] = new JsonArray(new JsonObject { ["attachment"] = new JsonObject { ["contentType"] = "application/pdf", ["title"] = "Bench", ["url"] = attachmentUrl } }),
                },
                ["request"] = new JsonObject { ["method"] = "POST", ["url"] = "DocumentReference" },
            });
        if (inline is not null)
        {
            entries.Add(new JsonObject
            {
                ["fullUrl"] = attachmentUrl,
                ["resource"] = new JsonObject { ["resourceType"] = "Binary", ["contentType"] = "application/pdf", ["data"] = Convert.ToBase64String(inline) },
                ["request"] = new JsonObject { ["method"] = "POST", ["url"] = "Binary" },
            });
        }

        return new JsonObject { ["resourceType"] = "Bundle", ["type"] = "transaction", ["entry"] = entries };
    }

    private async Task<string?> SubmitAsync(JsonObject bundle, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _fhir) { Content = new StringContent(bundle.ToJsonString(), Encoding.UTF8, "application/fhir+json") };
        await lab.AuthoriseAsync(http, request, ct);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"deposit: HTTP {(int)response.StatusCode}";
        }

        using var answer = JsonDocument.Parse(body);
        foreach (var entry in answer.RootElement.GetProperty("entry").EnumerateArray())
        {
            if (entry.GetProperty("response").GetProperty("status").GetString() is not { } status || !status.StartsWith("201", StringComparison.Ordinal))
            {
                return "deposit: an entry did not answer 201";
            }
        }

        return null;
    }

    /// <summary>ITI-67: the patient's current documents; the page must hold at least <paramref name="atLeast"/> of them.</summary>
    public async Task<string?> FindAsync(int atLeast, CancellationToken ct)
    {
        var (failure, documents) = await SearchAsync(ct);
        return failure ?? (documents.Count < atLeast ? $"find: {documents.Count} documents instead of at least {atLeast}" : null);
    }

    /// <summary>The demo patient's current documents: masterIdentifier → attachment URL (first page, up to 100).</summary>
    public Task<(string? Failure, Dictionary<string, Uri> Documents)> SearchAsync(CancellationToken ct) => SearchAsync(lab.PatientSystem, lab.PatientValue, ct);

    /// <summary>A patient's current documents, the patient named by INS (system and NIR): masterIdentifier → attachment URL (first page, up to 100).</summary>
    public async Task<(string? Failure, Dictionary<string, Uri> Documents)> SearchAsync(string patientSystem, string patientValue, CancellationToken ct)
    {
        var query = $"{_fhir}/DocumentReference?patient.identifier={Uri.EscapeDataString($"{patientSystem}|{patientValue}")}&status=current&_count=100";
        using var request = new HttpRequestMessage(HttpMethod.Get, query);
        await lab.AuthoriseAsync(http, request, ct);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        var documents = new Dictionary<string, Uri>(StringComparer.Ordinal);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return ($"find: HTTP {(int)response.StatusCode}", documents);
        }

        using var answer = JsonDocument.Parse(body);
        if (answer.RootElement.TryGetProperty("entry", out var entries))
        {
            foreach (var entry in entries.EnumerateArray())
            {
                var resource = entry.GetProperty("resource");
                if (resource.TryGetProperty("masterIdentifier", out var master))
                {
                    documents[master.GetProperty("value").GetString()!] = new Uri(resource.GetProperty("content")[0].GetProperty("attachment").GetProperty("url").GetString()!);
                }
            }
        }

        return (null, documents);
    }

    /// <summary>The baseline: GET /health, what HTTP and the middleware cost without any health data.</summary>
    public async Task<string?> HealthAsync(CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(lab.BaseAddress, "/health"), ct);
        await response.Content.ReadAsByteArrayAsync(ct);
        return response.StatusCode == HttpStatusCode.OK ? null : $"health: HTTP {(int)response.StatusCode}";
    }

    /// <summary>ITI-68 once, to learn the SHA-256 of a document deposited by an earlier run.</summary>
    public async Task<byte[]> HashOfAsync(Uri content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, content);
        await lab.AuthoriseAsync(http, request, ct);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        return await SHA256.HashDataAsync(stream, ct);
    }

    /// <summary>ITI-68: the document's bytes, which must hash to what was deposited.</summary>
    public async Task<string?> RetrieveAsync(Uri content, byte[] sha256, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, content);
        await lab.AuthoriseAsync(http, request, ct);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"retrieve: HTTP {(int)response.StatusCode}";
        }

        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var hash = await SHA256.HashDataAsync(stream, ct);
        return hash.AsSpan().SequenceEqual(sha256) ? null : "retrieve: the bytes differ from those deposited";
    }
}
