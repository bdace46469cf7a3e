using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Carnet.Jobs;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn.Establishments;
using Carnet.Tests.Testing;
using Carnet.Web.Tests.SignIn.Establishments;
using Carnet.Web.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Web.Tests.Documents;

/// <summary>A test's own Carnet over HTTP: Alice's record open, Alice signed in, and a lab's software with a token.</summary>
public sealed class WebLibrary : IAsyncDisposable
{
    private WebLibrary(WebLab lab, HttpClient holder, Guid recordId, string token)
    {
        Lab = lab;
        Holder = holder;
        RecordId = recordId;
        Token = token;
    }

    public WebLab Lab { get; }

    public CarnetWebFactory App => Lab.App;

    /// <summary>Alice's browser: carries her session cookie.</summary>
    public HttpClient Holder { get; }

    public Guid RecordId { get; }

    public string Token { get; }

    public static string PatientToken => "urn:oid:1.2.250.1.213.1.4.8|" + People.Alice;

    public static async Task<WebLibrary> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var lab = await WebLab.StartAsync(provider);
        var recordId = await TestAccounts.CreateAliceAsync(lab.App);
        lab.Clock.Advance(TimeSpan.FromDays(42));
        var runner = lab.App.Services.GetRequiredService<JobRunner>();
        await runner.RunAsync(runner.Jobs.Single(j => j.Name == CreateRecordsAfterOppositionWindow.JobName), CancellationToken.None);
        var holder = lab.App.CreateClient();
        await TestAccounts.SignInAliceAsync(lab.App, holder);
        return new WebLibrary(lab, holder, recordId, await lab.TokenAsync());
    }

    /// <summary>A request as the lab's software sends it: bearer token and acting-professional assertion.</summary>
    public HttpRequestMessage AsLab(HttpMethod method, string url, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        request.Headers.Add(CheckActingProfessional.Header, Lab.Lab.ActingAssertion());
        return request;
    }

    public Task<HttpResponseMessage> SendAsLabAsync(HttpMethod method, string url, HttpContent? content = null) => Lab.Client.SendAsync(AsLab(method, url, content));

    private static readonly JsonSerializerOptions WithoutNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static StringContent Fhir(object resource) => new(JsonSerializer.Serialize(resource, WithoutNulls), Encoding.UTF8, "application/fhir+json");

    /// <summary>An ITI-65 bundle with one DocumentReference and its Binary inline.</summary>
    public static object ProvideBundle(byte[] content, string masterIdentifier, string patientSystem = "urn:oid:1.2.250.1.213.1.4.8", string? patient = null, string? attachmentUrl = null, object? relatesTo = null, string[]? securityLabels = null, string? authorDisplay = "Émilie ROBIN")
    {
        var subject = new { identifier = new { system = patientSystem, value = patient ?? People.Alice } };
        var binaryUrl = "urn:uuid:" + Guid.NewGuid();
        var entries = new List<object>
        {
            new { fullUrl = "urn:uuid:" + Guid.NewGuid(), resource = new { resourceType = "List", status = "current", mode = "working", code = new { coding = new[] { new { system = "https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes", code = "submissionset" } } }, subject, identifier = new[] { new { use = "official", system = "urn:ietf:rfc:3986", value = "urn:oid:1.2.250.1.999.1." + Guid.NewGuid().ToString("N")[..8] } } }, request = new { method = "POST", url = "List" } },
            new
            {
                fullUrl = "urn:uuid:" + Guid.NewGuid(),
                resource = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["resourceType"] = "DocumentReference",
                    ["masterIdentifier"] = new { system = "urn:ietf:rfc:3986", value = masterIdentifier },
                    ["status"] = "current",
                    ["type"] = new { coding = new[] { new { system = "http://loinc.org", code = "11502-2", display = "CR d'examens biologiques" } } },
                    ["category"] = new[] { new { coding = new[] { new { system = "https://mos.esante.gouv.fr/NOS/TRE_A03-ClasseDocument/FHIR/TRE-A03-ClasseDocument", code = "10" } } } },
                    ["subject"] = subject,
                    ["author"] = new[] { new { identifier = new { system = "urn:oid:1.2.250.1.71.4.2.1", value = Carnet.Tests.SignIn.Establishments.Lab.BiologistIdNatPs }, display = authorDisplay } },
                    ["securityLabel"] = (securityLabels ?? ["N"]).Select(l => new { coding = new[] { new { code = l } } }).ToArray(),
                    ["relatesTo"] = relatesTo,
                    ["content"] = new[] { new { attachment = new { contentType = "application/pdf", url = attachmentUrl ?? binaryUrl, title = "Bilan sanguin", creation = "2026-11-20T08:30:00Z" } } },
                },
                request = new { method = "POST", url = "DocumentReference" },
            },
        };
        if (attachmentUrl is null)
        {
            entries.Add(new { fullUrl = binaryUrl, resource = new { resourceType = "Binary", contentType = "application/pdf", data = Convert.ToBase64String(content) }, request = new { method = "POST", url = "Binary" } });
        }

        return new { resourceType = "Bundle", type = "transaction", entry = entries };
    }

    public async ValueTask DisposeAsync()
    {
        Holder.Dispose();
        await Lab.DisposeAsync();
    }
}
