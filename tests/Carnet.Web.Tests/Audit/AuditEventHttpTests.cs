using System.Net;
using System.Text.Json;
using Carnet.Web.Tests.Documents;
using Carnet.Web.Tests.Fhir;
using Carnet.Web.Tests.SignIn.Establishments;
using Carnet.Web.Tests.Testing;

namespace Carnet.Web.Tests.Audit;

/// <summary>The access history as FHIR R4 AuditEvents: the holder's own through their session cookie, nothing for others.</summary>
public class AuditEventHttpTests
{
    private static string Search(string extra = "") => $"/fhir/r4/AuditEvent?patient.identifier={Uri.EscapeDataString(WebLibrary.PatientToken)}{extra}";

    [Fact]
    public async Task The_holder_reads_their_history_as_a_searchset_of_AuditEvents()
    {
        await using var library = await WebLibrary.StartAsync();
        (await library.Holder.GetAsync($"/api/records/{library.RecordId}/documents")).EnsureSuccessStatusCode();

        using var response = await library.Holder.GetAsync(Search("&_count=5"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/fhir+json");
        var bundle = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        bundle.GetProperty("type").GetString().ShouldBe("searchset");
        var newest = bundle.GetProperty("entry")[0].GetProperty("resource");
        newest.GetProperty("resourceType").GetString().ShouldBe("AuditEvent");
        newest.GetProperty("type").GetProperty("code").GetString().ShouldBe("rest");
        newest.GetProperty("action").GetString().ShouldBe("E");
        newest.GetProperty("agent")[0].GetProperty("requestor").GetBoolean().ShouldBeTrue();
        newest.GetProperty("agent")[0].GetProperty("who").GetProperty("display").GetString().ShouldNotBeNullOrEmpty();
        newest.GetProperty("source").GetProperty("observer").GetProperty("display").GetString().ShouldBe("Carnet");
        newest.GetProperty("entity")[0].GetProperty("what").GetProperty("identifier").GetProperty("value").GetString().ShouldBe(Carnet.Tests.Testing.People.Alice);
        var carnet = JsonDocument.Parse(await library.Holder.GetStringAsync(Search("&agent-type=urn:carnet:actor-group|carnet"))).RootElement;
        carnet.GetProperty("entry").EnumerateArray().ShouldAllBe(e => e.GetProperty("resource").GetProperty("agent")[0].GetProperty("type").GetProperty("coding")[1].GetProperty("code").GetString() == "carnet");
    }

    [Fact]
    public async Task A_lab_searching_a_patient_s_AuditEvents_finds_none()
    {
        await using var library = await WebLibrary.StartAsync();

        using var response = await library.SendAsLabAsync(HttpMethod.Get, Search());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bundle = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        bundle.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task An_unsupported_search_parameter_is_an_OperationOutcome()
    {
        await using var library = await WebLibrary.StartAsync();

        using var response = await library.Holder.GetAsync(Search("&outcome=0"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("OperationOutcome");
    }

    [FhirToolsFact]
    public async Task The_AuditEvent_searchset_passes_both_FHIR_validators()
    {
        await using var library = await WebLibrary.StartAsync();
        (await library.Holder.GetAsync($"/api/records/{library.RecordId}/documents")).EnsureSuccessStatusCode();
        var file = Path.Combine(library.App.Folder, "Bundle-AuditEvent.json");
        await File.WriteAllTextAsync(file, await library.Holder.GetStringAsync(Search()));

        var root = Scripts.RepositoryRoot();
        var (installed, log) = await Scripts.RunAsync("bash", [Path.Combine(root, "tools", "fhir", "install.sh")], root, TimeSpan.FromMinutes(3));
        installed.ShouldBe(0, log);
        var (exit, output) = await Scripts.RunAsync(NodeFactAttribute.NodePath!, [Path.Combine(root, "tools", "fhir", "validate.mjs"), "--warnings", "Bundle-AuditEvent.json"], library.App.Folder, TimeSpan.FromMinutes(1));

        exit.ShouldBe(0, output);
    }
}
