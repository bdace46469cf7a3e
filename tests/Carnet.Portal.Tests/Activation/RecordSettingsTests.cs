using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Carnet.Portal.Tests.Testing;
using Carnet.Tests.Documents;
using Microsoft.Playwright;
using static Carnet.Portal.Tests.Activation.ActivationPortal;

namespace Carnet.Portal.Tests.Activation;

/// <summary>The settings page: download my data, close and reopen, ask for deletion, each with a confirmation step.</summary>
[Collection(BrowserTests.Name)]
public sealed class RecordSettingsTests(Chromium chromium)
{
    [Fact]
    public async Task A_holder_closes_their_record_after_confirming_and_reopens_it()
    {
        await using var portal = await StartAsync(chromium);
        var (page, recordId) = await AliceWithAnOpenRecordAsync(portal);

        await page.GotoAsync($"/espace/{recordId}/reglages");
        await page.CheckPageAsync("activation-settings");
        await page.GetByRole(AriaRole.Link, new() { Name = "Fermer mon espace" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Fermer votre espace ?" }).WaitForAsync();
        (await page.GetByText("archivées dix ans", new() { Exact = false }).IsVisibleAsync()).ShouldBeTrue();
        await page.CheckPageAsync("activation-settings-close-confirm");

        // Cancelling changes nothing.
        await page.GetByRole(AriaRole.Link, new() { Name = "Annuler" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Fermer mon espace" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Oui, fermer mon espace" }).ClickAsync();

        await page.WaitForURLAsync("**/reglages?ok=close");
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("Votre espace est fermé");
        (await page.GetByText("Vous pouvez le rouvrir d'ici là", new() { Exact = false }).IsVisibleAsync()).ShouldBeTrue();
        (await StateAsync(page, recordId)).ShouldBe("closed");
        await page.CheckPageAsync("activation-settings-closed");

        await page.GetByRole(AriaRole.Link, new() { Name = "Rouvrir mon espace" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Oui, rouvrir mon espace" }).ClickAsync();
        await page.WaitForURLAsync("**/reglages?ok=reopen");
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("Votre espace est rouvert");
        (await StateAsync(page, recordId)).ShouldBe("open");
    }

    [Fact]
    public async Task A_holder_asks_for_deletion_and_is_told_it_is_done_within_three_months_and_cannot_reopen_meanwhile()
    {
        await using var portal = await StartAsync(chromium);
        var (page, recordId) = await AliceWithAnOpenRecordAsync(portal);

        await page.GotoAsync($"/espace/{recordId}/reglages");
        await page.GetByRole(AriaRole.Link, new() { Name = "Demander la suppression de mes données" }).ClickAsync();
        (await page.GetByText("au plus tard dans trois mois", new() { Exact = false }).IsVisibleAsync()).ShouldBeTrue();
        await page.CheckPageAsync("activation-settings-delete-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Oui, supprimer mes données" }).ClickAsync();

        await page.WaitForURLAsync("**/reglages?ok=delete");
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("Votre demande de suppression est enregistrée");
        (await page.GetByText("Votre espace ne peut pas être rouvert avant", new() { Exact = false }).IsVisibleAsync()).ShouldBeTrue();
        (await page.GetByRole(AriaRole.Link, new() { Name = "Rouvrir mon espace" }).CountAsync()).ShouldBe(0);
        await page.CheckPageAsync("activation-settings-deletion-pending");

        // A stale confirmation page still gets the API's rule, explained.
        await page.GotoAsync($"/espace/{recordId}/reglages?confirmer=reopen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Oui, rouvrir mon espace" }).ClickAsync();
        (await AlertAsync(page)).ShouldContain("ne peut pas être rouvert avant qu'elle soit terminée");
        var lifecycle = await JsonAsync(page, $"/api/records/{recordId}/lifecycle");
        lifecycle.GetProperty("deletionDueAt").GetDateTimeOffset().ShouldBe(lifecycle.GetProperty("deletionRequestedAt").GetDateTimeOffset().AddMonths(3));
    }

    [Fact]
    public async Task A_holder_downloads_a_zip_of_their_documents_and_a_fhir_bundle()
    {
        await using var portal = await StartAsync(chromium);
        var (page, recordId) = await AliceWithAnOpenRecordAsync(portal);
        var prescription = Library.Pdf("ordonnance");
        byte[] scan = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 1, 2, 3];
        await UploadAsync(page, recordId, prescription, "ordonnance.pdf", "ORD_SOIN", "Ordonnance du Dr Martin");
        await UploadAsync(page, recordId, scan, "scan.png", "AUTR_DOC", "Scan");

        await page.GotoAsync($"/espace/{recordId}/reglages");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger mes données (ZIP)" }).ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".zip");
        var path = await download.PathAsync();

        using var zip = ZipFile.OpenRead(path);
        var files = zip.Entries.Where(e => e.FullName.StartsWith("documents/", StringComparison.Ordinal)).ToList();
        files.Count.ShouldBe(2);
        var hashes = files.Select(e => Convert.ToHexString(SHA256.HashData(Read(e)))).ToHashSet(StringComparer.Ordinal);
        hashes.ShouldBe(new[] { Convert.ToHexString(SHA256.HashData(prescription)), Convert.ToHexString(SHA256.HashData(scan)) }.ToHashSet(StringComparer.Ordinal), ignoreOrder: true);

        using var bundle = JsonDocument.Parse(Read(zip.GetEntry("carnet-fhir-r4.json")!));
        var root = bundle.RootElement;
        root.GetProperty("resourceType").GetString().ShouldBe("Bundle");
        root.GetProperty("type").GetString().ShouldBe("collection");
        var resources = root.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource")).ToList();
        var patient = resources.Single(r => r.GetProperty("resourceType").GetString() == "Patient");
        patient.GetProperty("identifier")[0].GetProperty("system").GetString().ShouldBe("urn:oid:1.2.250.1.213.1.4.8");
        patient.GetProperty("name")[0].GetProperty("family").GetString().ShouldBe("MARTIN");
        patient.GetProperty("birthDate").GetString().ShouldBe("1985-03-21");
        var references = resources.Where(r => r.GetProperty("resourceType").GetString() == "DocumentReference").ToList();
        references.Count.ShouldBe(2);
        foreach (var reference in references)
        {
            var attachment = reference.GetProperty("content")[0].GetProperty("attachment");
            var entry = zip.GetEntry(attachment.GetProperty("url").GetString()!);
            entry.ShouldNotBeNull("each DocumentReference points at its file in the ZIP");
#pragma warning disable CA5350 // FHIR R4 defines Attachment.hash as the SHA-1 of the data: checking it needs SHA-1.
            var sha1 = SHA1.HashData(Read(entry));
#pragma warning restore CA5350
            Convert.ToBase64String(sha1).ShouldBe(attachment.GetProperty("hash").GetString(), "FHIR Attachment.hash is the SHA-1 of the file");
        }

        references.Select(r => r.GetProperty("description").GetString()).ShouldBe(["Ordonnance du Dr Martin", "Scan"], ignoreOrder: true);
        var audits = resources.Where(r => r.GetProperty("resourceType").GetString() == "AuditEvent").ToList();
        audits.ShouldNotBeEmpty();
        audits.ShouldContain(a => a.GetProperty("subtype").EnumerateArray().Any(c => c.GetProperty("code").GetString() == "record.exported"), "the export itself is traced, once");
        audits.Count(a => a.GetProperty("subtype").EnumerateArray().Any(c => c.GetProperty("code").GetString() == "record.exported")).ShouldBe(1);
        audits.ShouldNotContain(a => a.GetProperty("subtype").EnumerateArray().Any(c => c.GetProperty("code").GetString() == "document.retrieved"), "the export is one trace, not one per file");
    }

    [Fact]
    public async Task Another_persons_export_is_not_found()
    {
        await using var portal = await StartAsync(chromium);
        var (page, _) = await AliceWithAnOpenRecordAsync(portal);

        var response = await page.Context.APIRequest.GetAsync($"/api/records/{Guid.CreateVersion7()}/export");

        response.Status.ShouldBe(404);
    }

    private static async Task UploadAsync(IPage page, Guid recordId, byte[] content, string fileName, string category, string title)
    {
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("category", category);
        form.Set("title", title);
        form.Set("file", new FilePayload { Name = fileName, MimeType = "application/octet-stream", Buffer = content });
        var response = await page.Context.APIRequest.PostAsync($"/api/records/{recordId}/documents", new() { Multipart = form });
        response.Ok.ShouldBeTrue($"upload: {response.Status} {await response.TextAsync()}");
    }

    private static async Task<string> StateAsync(IPage page, Guid recordId) =>
        (await JsonAsync(page, $"/api/records/{recordId}/lifecycle")).GetProperty("state").GetString()!;

    private static async Task<JsonElement> JsonAsync(IPage page, string url)
    {
        var response = await page.Context.APIRequest.GetAsync(url);
        response.Ok.ShouldBeTrue($"{url}: {response.Status}");
        return (await response.JsonAsync())!.Value;
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
