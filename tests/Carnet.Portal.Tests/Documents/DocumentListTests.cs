using Carnet.Portal.Tests.Testing;
using Microsoft.Playwright;

namespace Carnet.Portal.Tests.Documents;

/// <summary>The holder's list of documents on a phone: newest first, pinned first, filters, search, the tombstone and the empty state.</summary>
[Collection(BrowserTests.Name)]
public sealed class DocumentListTests(Chromium chromium)
{
    [Fact]
    public async Task An_empty_library_says_how_documents_arrive_and_offers_to_add_one()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        await using var library = await HolderLibrary.OpenAsync(portal, chromium);
        var page = library.Page;

        await page.GotoAsync(library.Documents);

        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Mes documents");
        (await page.GetByText("Les documents arrivent ici tout seuls").InnerTextAsync()).ShouldContain("laboratoire");
        await page.CheckPageAsync("documents-empty");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ajouter un document" }).Last.ClickAsync();
        await page.WaitForURLAsync($"**{library.Documents}/ajouter");
    }

    [Fact]
    public async Task A_holder_finds_documents_by_category_and_by_text_newest_first()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        await using var library = await HolderLibrary.OpenAsync(portal, chromium);
        await library.LabReportAsync("Bilan sanguin de novembre");
        await library.OwnDocumentAsync("Mes vaccins", "BCG 1986, DTP 2020"u8.ToArray());
        var page = library.Page;

        await page.GotoAsync(library.Documents);
        var titles = page.Locator(".carnet-documents li strong");
        (await titles.AllInnerTextsAsync()).ShouldBe(new[] { "Mes vaccins", "Bilan sanguin de novembre" }, customMessage: "newest first");
        (await page.Locator(".carnet-documents li").First.InnerTextAsync()).ShouldContain("Ajouté par vous");
        (await page.Locator(".carnet-documents li").Last.InnerTextAsync()).ShouldContain("Émilie ROBIN");
        await page.CheckPageAsync("documents-list");

        await page.GetByText("Rechercher et filtrer", new() { Exact = true }).Last.ClickAsync();
        await page.GetByLabel("Catégorie").SelectOptionAsync(new SelectOptionValue { Label = "Résultats de biologie" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("categorie=BIOLOGIE", StringComparison.Ordinal));
        (await titles.AllInnerTextsAsync()).ShouldBe(new[] { "Bilan sanguin de novembre" });
        await page.CheckPageAsync("documents-filtered");

        await page.GetByRole(AriaRole.Link, new() { Name = "Tout afficher" }).ClickAsync();
        await page.GetByLabel("Rechercher dans les titres et les noms de dossiers").FillAsync("VACCINS");
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("q=VACCINS", StringComparison.Ordinal));
        (await titles.AllInnerTextsAsync()).ShouldBe(new[] { "Mes vaccins" });

        await page.GetByLabel("Rechercher dans les titres et les noms de dossiers").FillAsync("radio du genou");
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        (await page.GetByText("Aucun document ne correspond à cette recherche").IsVisibleAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task A_pinned_document_comes_first_and_the_list_pages_by_twenty()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        await using var library = await HolderLibrary.OpenAsync(portal, chromium);
        var oldest = await library.LabReportAsync("Le plus ancien");
        for (var i = 1; i <= 20; i++)
        {
            await library.LabReportAsync($"Bilan {i:00}");
        }

        var page = library.Page;
        await page.GotoAsync($"{library.Documents}/{oldest.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Épingler en tête de liste" }).ClickAsync();
        await page.GetByText("Le document est épinglé en tête de liste.").WaitForAsync();

        await page.GotoAsync(library.Documents);
        var titles = page.Locator(".carnet-documents li strong");
        (await titles.CountAsync()).ShouldBe(20);
        (await titles.First.InnerTextAsync()).ShouldBe("Le plus ancien");
        (await page.Locator(".carnet-documents li").First.InnerTextAsync()).ShouldContain("Épinglé");
        (await titles.Nth(1).InnerTextAsync()).ShouldBe("Bilan 20");
        (await page.GetByText("Page 1 sur 2").IsVisibleAsync()).ShouldBeTrue();
        await page.CheckPageAsync("documents-pages");

        await page.GetByRole(AriaRole.Link, new() { Name = "Suivante" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("page=2", StringComparison.Ordinal));
        (await titles.AllInnerTextsAsync()).ShouldBe(new[] { "Bilan 01" });
    }

    [Fact]
    public async Task A_document_its_author_deleted_shows_as_deleted_by_its_author()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        await using var library = await HolderLibrary.OpenAsync(portal, chromium);
        var report = await library.LabReportAsync("Compte rendu erroné");
        await library.LabDeletesAsync(report.Id);
        var page = library.Page;

        await page.GotoAsync(library.Documents);
        (await page.GetByText("Compte rendu erroné").CountAsync()).ShouldBe(0, "deleted documents are not among the current ones");
        await page.GetByText("Rechercher et filtrer", new() { Exact = true }).Last.ClickAsync();
        await page.GetByLabel("Statut").SelectOptionAsync(new SelectOptionValue { Label = "Documents supprimés" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();

        var item = page.Locator(".carnet-documents li").Filter(new() { HasText = "Compte rendu erroné" });
        (await item.InnerTextAsync()).ShouldContain("Supprimé par son auteur");
        await page.CheckPageAsync("documents-tombstone");
        await item.GetByRole(AriaRole.Link).ClickAsync();
        (await page.GetByText("supprimé par le professionnel qui l'avait déposé").IsVisibleAsync()).ShouldBeTrue();
        (await page.GetByRole(AriaRole.Link, new() { Name = "Télécharger le document" }).CountAsync()).ShouldBe(0);
        await page.CheckPageAsync("document-tombstone");
    }
}
