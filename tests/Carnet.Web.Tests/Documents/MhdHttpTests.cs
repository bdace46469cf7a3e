using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Carnet.Persistence;
using Carnet.Tests.Testing;

namespace Carnet.Web.Tests.Documents;

/// <summary>IHE MHD over real HTTP: ITI-65 deposit, ITI-67 find, ITI-68 retrieve, and FHIR errors (DOMAIN.md §9).</summary>
public class MhdHttpTests
{
    [Fact]
    public async Task ITI_65_deposits_a_document_with_its_Binary_inline_and_ITI_68_retrieves_it()
    {
        await using var library = await WebLibrary.StartAsync();
        var pdf = RandomNumberGenerator.GetBytes(150_000);

        using var response = await library.SendAsLabAsync(HttpMethod.Post, "/fhir/r4", WebLibrary.Fhir(WebLibrary.ProvideBundle(pdf, "urn:oid:1.2.250.1.999.7.1")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/fhir+json");
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        answer.GetProperty("type").GetString().ShouldBe("transaction-response");
        var entries = answer.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("response")).ToList();
        entries.Select(e => e.GetProperty("status").GetString()).ShouldBe(["201 Created", "201 Created", "201 Created"]);
        var location = entries[1].GetProperty("location").GetString()!;
        location.ShouldStartWith("DocumentReference/");
        var id = location["DocumentReference/".Length..];

        using var retrieved = await library.SendAsLabAsync(HttpMethod.Get, $"/fhir/r4/Binary/{id}");
        retrieved.StatusCode.ShouldBe(HttpStatusCode.OK);
        retrieved.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        retrieved.Headers.ETag!.Tag.ShouldBe($"\"{Convert.ToHexStringLower(SHA256.HashData(pdf))}\"");
        (await retrieved.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);

        using var holderCopy = await library.Holder.GetAsync($"/api/records/{library.RecordId}/documents/{id}/content");
        (await holderCopy.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
    }

    [Fact]
    public async Task ITI_68_answers_a_byte_range_with_206()
    {
        await using var library = await WebLibrary.StartAsync();
        var pdf = RandomNumberGenerator.GetBytes(300_000);
        var id = await DepositAsync(library, pdf, "urn:oid:1.2.250.1.999.7.2");

        using var request = library.AsLab(HttpMethod.Get, $"/fhir/r4/Binary/{id}");
        request.Headers.Range = new RangeHeaderValue(70_000, 70_099);
        using var response = await library.Lab.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        response.Content.Headers.ContentRange!.ToString().ShouldBe("bytes 70000-70099/300000");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(pdf.AsSpan(70_000, 100).ToArray());
    }

    [Fact]
    public async Task Content_posted_raw_as_a_Binary_is_referenced_by_the_bundle()
    {
        await using var library = await WebLibrary.StartAsync();
        var pdf = RandomNumberGenerator.GetBytes(80_000);
        using var raw = new ByteArrayContent(pdf);
        raw.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var post = library.AsLab(HttpMethod.Post, "/fhir/r4/Binary", raw);
        post.Headers.Add("X-Security-Context", "Patient?identifier=" + WebLibrary.PatientToken);

        using var staged = await library.Lab.Client.SendAsync(post);
        staged.StatusCode.ShouldBe(HttpStatusCode.Created, await staged.Content.ReadAsStringAsync());
        var binary = staged.Headers.Location!.ToString();
        using var response = await library.SendAsLabAsync(HttpMethod.Post, "/fhir/r4", WebLibrary.Fhir(WebLibrary.ProvideBundle([], "urn:oid:1.2.250.1.999.7.3", attachmentUrl: binary)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entry")[1].GetProperty("response").GetProperty("location").GetString()!["DocumentReference/".Length..];
        using var retrieved = await library.SendAsLabAsync(HttpMethod.Get, $"/fhir/r4/Binary/{id}");
        (await retrieved.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
    }

    [Fact]
    public async Task ITI_67_finds_documents_by_patient_INS_in_pages_with_next_links()
    {
        await using var library = await WebLibrary.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await DepositAsync(library, RandomNumberGenerator.GetBytes(100), $"urn:oid:1.2.250.1.999.8.{i}");
            library.Lab.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var url = $"/fhir/r4/DocumentReference?patient.identifier={Uri.EscapeDataString(WebLibrary.PatientToken)}&status=current&_count=2&_sort=-date";
        var found = new List<string>();
        while (url is not null)
        {
            using var response = await library.SendAsLabAsync(HttpMethod.Get, url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var bundle = await response.Content.ReadFromJsonAsync<JsonElement>();
            bundle.GetProperty("type").GetString().ShouldBe("searchset");
            bundle.GetProperty("total").GetInt32().ShouldBe(3);
            found.AddRange(bundle.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource").GetProperty("masterIdentifier").GetProperty("value").GetString()!));
            url = bundle.GetProperty("link").EnumerateArray().Where(l => l.GetProperty("relation").GetString() == "next").Select(l => l.GetProperty("url").GetString()).FirstOrDefault();
        }

        found.ShouldBe(["urn:oid:1.2.250.1.999.8.2", "urn:oid:1.2.250.1.999.8.1", "urn:oid:1.2.250.1.999.8.0"]);
    }

    [Fact]
    public async Task A_retried_ITI_65_answers_the_original_with_200_and_stores_nothing_twice()
    {
        await using var library = await WebLibrary.StartAsync();
        var bundle = WebLibrary.ProvideBundle(Library(), "urn:oid:1.2.250.1.999.9.1");
        using var first = await library.SendAsLabAsync(HttpMethod.Post, "/fhir/r4", WebLibrary.Fhir(bundle));
        using var retry = await library.SendAsLabAsync(HttpMethod.Post, "/fhir/r4", WebLibrary.Fhir(bundle));

        var a = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entry")[1].GetProperty("response");
        var b = (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entry")[1].GetProperty("response");
        b.GetProperty("status").GetString().ShouldBe("200 OK");
        b.GetProperty("location").GetString().ShouldBe(a.GetProperty("location").GetString());
    }

    [Fact]
    public async Task A_new_version_with_relatesTo_replaces_makes_the_old_one_superseded()
    {
        await using var library = await WebLibrary.StartAsync();
        var first = await DepositAsync(library, Library(), "urn:oid:1.2.250.1.999.10.1");

        var second = await DepositAsync(library, Library(), "urn:oid:1.2.250.1.999.10.2", new[] { new { code = "replaces", target = new { reference = $"DocumentReference/{first}" } } });

        using var old = await library.SendAsLabAsync(HttpMethod.Get, $"/fhir/r4/DocumentReference/{first}");
        (await old.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("superseded");
        using var current = await library.SendAsLabAsync(HttpMethod.Get, $"/fhir/r4/DocumentReference/{second}");
        (await current.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("relatesTo")[0].GetProperty("target").GetProperty("reference").GetString().ShouldBe($"DocumentReference/{first}");
    }

    [Fact]
    public async Task Every_FHIR_error_is_an_OperationOutcome_that_says_what_to_do()
    {
        await using var library = await WebLibrary.StartAsync();

        using var noSubject = await library.SendAsLabAsync(HttpMethod.Post, "/fhir/r4", WebLibrary.Fhir(new { resourceType = "Bundle", type = "transaction", entry = new[] { new { resource = new { resourceType = "List" } }, new { resource = new { resourceType = "DocumentReference" } } } }));
        await OutcomeAsync(noSubject, HttpStatusCode.BadRequest, "List.subject");
        using var otherPatient = await library.SendAsLabAsync(HttpMethod.Post, "/fhir/r4", WebLibrary.Fhir(WebLibrary.ProvideBundle(Library(), "urn:oid:1.2.250.1.999.11.1", patient: People.Bruno)));
        await OutcomeAsync(otherPatient, HttpStatusCode.NotFound, "INS");
        using var unknownParameter = await library.SendAsLabAsync(HttpMethod.Get, $"/fhir/r4/DocumentReference?patient.identifier={Uri.EscapeDataString(WebLibrary.PatientToken)}&author=x");
        await OutcomeAsync(unknownParameter, HttpStatusCode.BadRequest, "author");
        using var nowhere = await library.SendAsLabAsync(HttpMethod.Get, "/fhir/r4/Observation");
        await OutcomeAsync(nowhere, HttpStatusCode.NotFound, "metadata");
        using var anonymous = await library.Lab.Client.GetAsync($"/fhir/r4/DocumentReference?patient.identifier={Uri.EscapeDataString(WebLibrary.PatientToken)}");
        await OutcomeAsync(anonymous, HttpStatusCode.Unauthorized, "");
        using var absent = await library.SendAsLabAsync(HttpMethod.Get, $"/fhir/r4/Binary/{Guid.NewGuid()}");
        await OutcomeAsync(absent, HttpStatusCode.NotFound, "");
    }

    [Theory]
    [DatabaseProviders]
    public async Task A_deposit_whose_Idempotency_Key_is_too_long_is_refused_with_what_to_shorten_and_a_shorter_one_is_taken(DatabaseProvider provider)
    {
        await using var library = await WebLibrary.StartAsync(provider);
        var bundle = WebLibrary.ProvideBundle(Library(), "urn:oid:1.2.250.1.999.12.1");

        using var tooLong = library.AsLab(HttpMethod.Post, "/fhir/r4", WebLibrary.Fhir(bundle));
        tooLong.Headers.Add("Idempotency-Key", new string('k', 129));
        using var refused = await library.Lab.Client.SendAsync(tooLong);
        await OutcomeAsync(refused, HttpStatusCode.UnprocessableEntity, "The Idempotency-Key header has 129 characters; at most 128");

        using var shorter = library.AsLab(HttpMethod.Post, "/fhir/r4", WebLibrary.Fhir(bundle));
        shorter.Headers.Add("Idempotency-Key", new string('k', 128));
        using var taken = await library.Lab.Client.SendAsync(shorter);
        taken.StatusCode.ShouldBe(HttpStatusCode.OK, await taken.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_author_named_by_identifier_only_is_answered_without_a_null_display()
    {
        // FHIR JSON has no nulls: "display": null is invalid, and strict clients refuse the whole resource.
        await using var library = await WebLibrary.StartAsync();
        var id = await DepositAsync(library, Library(), "urn:oid:1.2.250.1.999.13.1", authorDisplay: null);

        using var read = await library.SendAsLabAsync(HttpMethod.Get, $"/fhir/r4/DocumentReference/{id}");

        var author = (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("author")[0];
        author.GetProperty("identifier").GetProperty("value").GetString().ShouldBe(Carnet.Tests.SignIn.Establishments.Lab.BiologistIdNatPs);
        author.TryGetProperty("display", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task The_CapabilityStatement_lists_the_MHD_interactions_and_is_public()
    {
        await using var library = await WebLibrary.StartAsync();

        using var response = await library.Lab.Client.GetAsync("/fhir/r4/metadata");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var statement = await response.Content.ReadFromJsonAsync<JsonElement>();
        statement.GetProperty("fhirVersion").GetString().ShouldBe("4.0.1");
        var resources = statement.GetProperty("rest")[0].GetProperty("resource").EnumerateArray().Select(r => r.GetProperty("type").GetString()).ToList();
        resources.ShouldContain("DocumentReference");
        resources.ShouldContain("Binary");
    }

    private static byte[] Library() => Carnet.Tests.Documents.Library.Pdf();

    internal static async Task<string> DepositAsync(WebLibrary library, byte[] content, string masterIdentifier, object? relatesTo = null, string? authorDisplay = "Émilie ROBIN")
    {
        using var response = await library.SendAsLabAsync(HttpMethod.Post, "/fhir/r4", WebLibrary.Fhir(WebLibrary.ProvideBundle(content, masterIdentifier, relatesTo: relatesTo, authorDisplay: authorDisplay)));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var location = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entry")[1].GetProperty("response").GetProperty("location").GetString()!;
        return location["DocumentReference/".Length..];
    }

    private static async Task OutcomeAsync(HttpResponseMessage response, HttpStatusCode status, string mentions)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/fhir+json");
        var outcome = JsonDocument.Parse(text).RootElement;
        outcome.GetProperty("resourceType").GetString().ShouldBe("OperationOutcome");
        outcome.GetProperty("issue")[0].GetProperty("diagnostics").GetString()!.ShouldContain(mentions);
    }
}
