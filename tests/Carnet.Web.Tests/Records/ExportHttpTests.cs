using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Carnet.Audit;
using Carnet.Persistence;
using Carnet.Tests.Documents;
using Carnet.Web.Tests.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Web.Tests.Records;

/// <summary>Download my data and the signed-in lifecycle steps over HTTP.</summary>
public sealed class ExportHttpTests
{
    [Fact]
    public async Task The_export_streams_a_zip_of_the_holders_documents_with_a_fhir_bundle_and_is_traced_once()
    {
        await using var library = await WebLibrary.StartAsync();
        var pdf = Library.Pdf("compte rendu");
        using (var form = new MultipartFormDataContent { { new StringContent("AUTR_DOC"), "category" }, { new StringContent("Mon compte rendu"), "title" } })
        {
            var file = new ByteArrayContent(pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", "cr.pdf");
            (await library.Holder.PostAsync($"/api/records/{library.RecordId}/documents", form)).EnsureSuccessStatusCode();
        }

        using var response = await library.Holder.GetAsync($"/api/records/{library.RecordId}/export", HttpCompletionOption.ResponseHeadersRead);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        response.Content.Headers.ContentLength.ShouldBeNull("the ZIP is streamed as it is made");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var document = zip.Entries.Single(e => e.FullName.StartsWith("documents/", StringComparison.Ordinal));
        document.FullName.ShouldEndWith(".pdf");
        using (var content = document.Open())
        {
            Convert.ToHexString(await SHA256.HashDataAsync(content)).ShouldBe(Convert.ToHexString(SHA256.HashData(pdf)));
        }

        using var bundle = await JsonDocument.ParseAsync(zip.GetEntry("carnet-fhir-r4.json")!.Open());
        var entries = bundle.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource")).ToList();
        var reference = entries.Single(r => r.GetProperty("resourceType").GetString() == "DocumentReference");
        reference.GetProperty("content")[0].GetProperty("attachment").GetProperty("url").GetString().ShouldBe(document.FullName);
        reference.GetProperty("subject").GetProperty("identifier").GetProperty("value").GetString().ShouldBe(Carnet.Tests.Testing.People.Alice);
        var traces = await library.Holder.GetFromJsonAsync<JsonElement>($"/api/records/{library.RecordId}/traces");
        traces.ToString().ShouldContain("record.exported");
    }

    [Fact]
    public async Task Another_record_cannot_be_exported_and_looks_absent()
    {
        await using var library = await WebLibrary.StartAsync();

        using var response = await library.Holder.GetAsync($"/api/records/{Guid.CreateVersion7()}/export");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_signed_in_holder_closes_and_reopens_their_record_and_a_bad_step_is_refused()
    {
        await using var library = await WebLibrary.StartAsync();
        var url = $"/api/records/{library.RecordId}/lifecycle";

        var closed = await (await library.Holder.PostAsJsonAsync(url, new { step = "close" })).Content.ReadFromJsonAsync<JsonElement>();
        var again = await library.Holder.PostAsJsonAsync(url, new { step = "close" });
        var reopened = await (await library.Holder.PostAsJsonAsync(url, new { step = "reopen" })).Content.ReadFromJsonAsync<JsonElement>();
        var unknown = await library.Holder.PostAsJsonAsync(url, new { step = "suspend" });

        closed.GetProperty("state").GetString().ShouldBe("closed");
        closed.GetProperty("purgeDueAt").GetDateTimeOffset().ShouldBe(closed.GetProperty("closedAt").GetDateTimeOffset().AddYears(10));
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        reopened.GetProperty("state").GetString().ShouldBe("open");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Looking_at_the_record_s_lifecycle_is_traced_and_another_record_s_is_not_found()
    {
        await using var library = await WebLibrary.StartAsync();

        var status = await library.Holder.GetFromJsonAsync<JsonElement>($"/api/records/{library.RecordId}/lifecycle");
        var foreign = await library.Holder.GetAsync($"/api/records/{Guid.CreateVersion7()}/lifecycle");

        status.GetProperty("state").GetString().ShouldBe("open");
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var scope = library.App.Services.CreateAsyncScope();
        var traces = await scope.ServiceProvider.GetRequiredService<CarnetDbContext>().Traces
            .CountAsync(t => t.RecordId == library.RecordId && t.Action == TraceActions.LifecycleViewed && t.ActorKind == ActorKind.Holder);
        traces.ShouldBe(1);
    }
}
