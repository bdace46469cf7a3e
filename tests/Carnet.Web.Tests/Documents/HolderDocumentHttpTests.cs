using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Carnet.Tests.Documents;

namespace Carnet.Web.Tests.Documents;

/// <summary>The holder's library over HTTP (DOMAIN.md §4): uploads checked by content, limits, arranging, and refusals that look like absence.</summary>
public class HolderDocumentHttpTests
{
    [Fact]
    public async Task A_holder_uploads_a_pdf_and_reads_it_back_from_the_library()
    {
        await using var library = await WebLibrary.StartAsync();

        using var response = await UploadAsync(library, Library.Pdf("ordonnance"), "ordonnance.pdf", "ORD_SOIN", "Ordonnance du Dr Martin");

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        created.GetProperty("contentType").GetString().ShouldBe("application/pdf");
        created.GetProperty("depositedByHolder").GetBoolean().ShouldBeTrue();
        created.GetProperty("typeCode").GetString().ShouldBe("DOCPAT02");
        var list = await library.Holder.GetFromJsonAsync<JsonElement>($"/api/records/{library.RecordId}/documents?q=ordonnance");
        list.GetProperty("items")[0].GetProperty("title").GetString().ShouldBe("Ordonnance du Dr Martin");
        var content = await library.Holder.GetByteArrayAsync($"/api/records/{library.RecordId}/documents/{created.GetProperty("id").GetString()}/content");
        content.ShouldBe(Library.Pdf("ordonnance"));
    }

    [Fact]
    public async Task An_upload_is_recognised_by_its_content_not_its_extension()
    {
        await using var library = await WebLibrary.StartAsync();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

        using var renamed = await UploadAsync(library, png, "scan.pdf", "AUTR_DOC", "Scan");
        (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contentType").GetString().ShouldBe("image/png");

        using var program = await UploadAsync(library, [0x4D, 0x5A, 0x90, 0x00, 0x03], "photo.jpg", "AUTR_DOC", "Photo");
        program.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await program.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("unsupported_format");
    }

    [Fact]
    public async Task A_holder_upload_larger_than_5000000_bytes_is_refused_and_nothing_is_kept()
    {
        await using var library = await WebLibrary.StartAsync();
        var big = new byte[5_000_001];
        Library.Pdf().CopyTo(big, 0);

        using var response = await UploadAsync(library, big, "big.pdf", "AUTR_DOC", "Trop gros");

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await library.Holder.GetFromJsonAsync<JsonElement>($"/api/records/{library.RecordId}/documents")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_holder_hides_a_professional_document_but_cannot_delete_it()
    {
        await using var library = await WebLibrary.StartAsync();
        var id = await MhdHttpTests.DepositAsync(library, Library.Pdf(), "urn:oid:1.2.250.1.999.12.1");

        using var delete = await library.Holder.DeleteAsync($"/api/records/{library.RecordId}/documents/{id}");
        delete.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await delete.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("hide it");

        using var hide = await library.Holder.PatchAsJsonAsync($"/api/records/{library.RecordId}/documents/{id}", new { hiddenFromProfessionals = true, pinned = true });
        hide.StatusCode.ShouldBe(HttpStatusCode.OK, await hide.Content.ReadAsStringAsync());
        var shown = await hide.Content.ReadFromJsonAsync<JsonElement>();
        shown.GetProperty("confidentiality")[0].GetString().ShouldBe("MASQUE_PS");
        shown.GetProperty("pinned").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Another_record_or_an_unknown_document_answers_exactly_like_absence()
    {
        await using var library = await WebLibrary.StartAsync();
        var id = await MhdHttpTests.DepositAsync(library, Library.Pdf(), "urn:oid:1.2.250.1.999.13.1");

        using var wrongRecord = await library.Holder.GetAsync($"/api/records/{Guid.NewGuid()}/documents/{id}");
        using var unknown = await library.Holder.GetAsync($"/api/records/{library.RecordId}/documents/{Guid.NewGuid()}");

        wrongRecord.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await WithoutTraceIdAsync(wrongRecord)).ShouldBe(await WithoutTraceIdAsync(unknown));
    }

    private static async Task<string> WithoutTraceIdAsync(HttpResponseMessage response)
    {
        var body = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateObject().Where(p => p.Name != "traceId");
        return string.Join(",", body.Select(p => $"{p.Name}={p.Value}"));
    }

    private static async Task<HttpResponseMessage> UploadAsync(WebLibrary library, byte[] content, string fileName, string category, string title)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(category), "category" },
            { new StringContent(title), "title" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await library.Holder.PostAsync($"/api/records/{library.RecordId}/documents", form);
    }
}
