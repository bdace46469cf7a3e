using Carnet.Portal.Tests.Testing;
using Microsoft.Playwright;

namespace Carnet.Portal.Tests.Documents;

/// <summary>One document: shown inline (PDF in a same-origin frame on demand, images), downloaded, hidden, renamed, reported; someone else's is absent.</summary>
[Collection(BrowserTests.Name)]
public sealed class DocumentDetailsTests(Chromium chromium)
{
    [Fact]
    public async Task A_holder_views_a_pdf_inline_in_a_frame_only_the_portal_may_show_and_downloads_it()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        await using var library = await HolderLibrary.OpenAsync(portal, chromium);
        await library.RegisterLaboratoryAsync();
        var report = await library.LabReportAsync("Bilan sanguin", content: HolderLibrary.Pdf());
        var page = library.Page;

        await page.GotoAsync(library.Documents);
        (await page.Locator(".carnet-documents li").First.InnerTextAsync()).ShouldContain("par Émilie ROBIN (Laboratoire Bioplus)");
        var response = await page.GotoAsync($"{library.Documents}/{report.Id}");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Bilan sanguin");
        (await page.Locator(".carnet-facts").InnerTextAsync()).ShouldContain("Émilie ROBIN (Laboratoire Bioplus)", customMessage: "the professional behind the laboratory's software, and the laboratory");
        response!.Headers["content-security-policy"].ShouldContain("frame-ancestors 'none'", customMessage: "the page itself keeps the strict policy");
        response.Headers["x-frame-options"].ShouldBe("DENY");

        (await page.Locator("iframe").CountAsync()).ShouldBe(0, "the file is fetched when the holder asks for it");
        await page.GetByRole(AriaRole.Link, new() { Name = "Afficher le document dans la page" }).ClickAsync();
        var frame = page.Locator("iframe.carnet-preview");
        (await frame.GetAttributeAsync("title")).ShouldBe("Aperçu de « Bilan sanguin »");
        var src = (await frame.GetAttributeAsync("src"))!;
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.CheckPageAsync("document-pdf");

        var content = await page.Context.APIRequest.GetAsync(src);
        content.Status.ShouldBe(200);
        content.Headers["content-type"].ShouldBe("application/pdf");
        content.Headers["content-security-policy"].ShouldContain("frame-ancestors 'self'");
        content.Headers["content-security-policy"].ShouldNotContain("'unsafe-inline'");
        content.Headers["x-frame-options"].ShouldBe("SAMEORIGIN");
        content.Headers["content-disposition"].ShouldStartWith("inline");
        (await content.BodyAsync()).ShouldBe(HolderLibrary.Pdf());

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger le document" }).ClickAsync());
        download.SuggestedFilename.ShouldBe("Bilan sanguin.pdf");
    }

    [Fact]
    public async Task A_holder_sees_their_photo_inline()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        await using var library = await HolderLibrary.OpenAsync(portal, chromium);
        var photo = await library.OwnDocumentAsync("Ordonnance en photo", HolderLibrary.Png(), "image/png");
        var page = library.Page;

        await page.GotoAsync($"{library.Documents}/{photo.Id}");
        var image = page.GetByRole(AriaRole.Img, new() { Name = "Aperçu de « Ordonnance en photo »" });
        await image.WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await image.EvaluateAsync<int>("img => img.naturalWidth")).ShouldBe(1, "the image was served and decoded");
        await page.CheckPageAsync("document-image");
    }

    [Fact]
    public async Task A_holder_hides_a_document_from_professionals_then_shows_it_again()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        await using var library = await HolderLibrary.OpenAsync(portal, chromium);
        var report = await library.LabReportAsync();
        var page = library.Page;

        await page.GotoAsync($"{library.Documents}/{report.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masquer aux professionnels" }).ClickAsync();

        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("Le document est masqué aux professionnels.");
        (await page.Locator(".carnet-tags").InnerTextAsync()).ShouldContain("Masqué aux professionnels");
        await page.CheckPageAsync("document-hidden");
        await page.GotoAsync(library.Documents);
        (await page.Locator(".carnet-documents li").First.InnerTextAsync()).ShouldContain("Masqué aux professionnels");

        await page.GotoAsync($"{library.Documents}/{report.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ne plus masquer aux professionnels" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("n'est plus masqué");
        (await page.Locator(".carnet-tags").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_holder_renames_their_own_document()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        await using var library = await HolderLibrary.OpenAsync(portal, chromium);
        var note = await library.OwnDocumentAsync("scan0001", "Vaccin grippe 2025"u8.ToArray());
        var page = library.Page;

        await page.GotoAsync($"{library.Documents}/{note.Id}");
        await page.GetByLabel("Nouveau titre").FillAsync("Vaccin contre la grippe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Renommer" }).ClickAsync();

        await page.GetByText("Le document est renommé.").WaitForAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Vaccin contre la grippe");
        await page.CheckPageAsync("document-own");

        await page.GetByLabel("Nouveau titre").FillAsync("   ");
        await page.Locator("#new-title").EvaluateAsync("input => input.removeAttribute('required')");
        await page.GetByRole(AriaRole.Button, new() { Name = "Renommer" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("Le titre doit compter de 1 à 256 caractères");
    }

    [Fact]
    public async Task A_professionals_document_cannot_be_renamed_or_deleted_and_the_page_says_to_hide_it_or_ask_its_author()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        await using var library = await HolderLibrary.OpenAsync(portal, chromium);
        var report = await library.LabReportAsync();
        var page = library.Page;

        await page.GotoAsync($"{library.Documents}/{report.Id}");

        (await page.GetByLabel("Nouveau titre").CountAsync()).ShouldBe(0);
        (await page.GetByRole(AriaRole.Link, new() { Name = "Supprimer ce document" }).CountAsync()).ShouldBe(0);
        var why = await page.Locator("#not-yours").InnerTextAsync();
        why.ShouldContain("vous ne pouvez ni le renommer ni le supprimer");
        why.ShouldContain("masquer aux professionnels");
        why.ShouldContain("demander à son auteur");

        // Asked anyway (an old page, a crafted address): the deletion is refused with the same explanation.
        await page.GotoAsync($"{library.Documents}/supprimer?ids={report.Id}");
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("Masquez-le aux professionnels, ou demandez à son auteur");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Oui, supprimer définitivement" }).CountAsync()).ShouldBe(0);
        await page.CheckPageAsync("document-delete-refused");
    }

    [Fact]
    public async Task A_holder_reports_a_document_filed_in_their_record_by_mistake()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        await using var library = await HolderLibrary.OpenAsync(portal, chromium);
        var report = await library.LabReportAsync("Bilan de M. DUPONT");
        var page = library.Page;

        await page.GotoAsync($"{library.Documents}/{report.Id}");
        await page.CheckPageAsync("document-professional");
        (await page.Locator("iframe").CountAsync()).ShouldBe(0, "the PDF is shown when asked for, so nothing takes the focus while the page is read");
        await page.GetByRole(AriaRole.Button, new() { Name = "Signaler un document qui n'est pas le mien" }).ClickAsync();

        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("le document est signalé comme mal classé");
        (await page.GetByText("Vous avez signalé ce document comme mal classé le").IsVisibleAsync()).ShouldBeTrue();
        (await page.GetByRole(AriaRole.Button, new() { Name = "Signaler un document qui n'est pas le mien" }).CountAsync()).ShouldBe(0);
        await page.GotoAsync(library.Documents);
        (await page.Locator(".carnet-documents li").First.InnerTextAsync()).ShouldContain("Signalé comme mal classé");
    }

    [Fact]
    public async Task Another_persons_document_gives_the_not_found_page()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        await using var library = await HolderLibrary.OpenAsync(portal, chromium);
        var bruno = await library.BrunoRecordAsync();
        var his = await library.LabReportAsync("Bilan de Bruno", recordId: bruno);
        var page = library.Page;

        foreach (var address in new[]
        {
            $"{library.Documents}/{his.Id}",
            $"/espace/{bruno}/documents/{his.Id}",
            $"/espace/{bruno}/documents",
            $"{library.Documents}/supprimer?ids={his.Id}",
        })
        {
            var response = await page.GotoAsync(address);
            response!.Status.ShouldBe(404, address);
            (await page.Locator("h1").InnerTextAsync()).ShouldBe("Page introuvable", customMessage: address);
            (await page.GetByText("Bilan de Bruno").CountAsync()).ShouldBe(0);
        }

        await page.CheckPageAsync("document-not-found");
        var content = await page.Context.APIRequest.GetAsync($"{library.Documents}/{his.Id}/contenu");
        content.Status.ShouldBe(404);
        (await content.BodyAsync()).ShouldNotBe(HolderLibrary.Pdf());
    }
}
