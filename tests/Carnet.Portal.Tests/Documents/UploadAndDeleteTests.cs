using Carnet.Portal.Tests.Testing;
using Microsoft.Playwright;

namespace Carnet.Portal.Tests.Documents;

/// <summary>Adding documents (with a progress bar, and without JavaScript), deleting one's own, and folders.</summary>
[Collection(BrowserTests.Name)]
public sealed class UploadAndDeleteTests(Chromium chromium)
{
    [Fact]
    public async Task A_holder_uploads_a_pdf_with_the_file_chooser_and_sees_the_progress_then_the_document()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        await using var library = await HolderLibrary.OpenAsync(portal, chromium);
        var page = library.Page;

        await page.GotoAsync($"{library.Documents}/ajouter");
        (await page.GetByText("5 Mo au plus (5 000 000 octets)").IsVisibleAsync()).ShouldBeTrue("the limits are said before");
        var camera = page.Locator("input#photo");
        (await camera.GetAttributeAsync("capture")).ShouldBe("environment");
        (await camera.GetAttributeAsync("accept")).ShouldBe("image/*");
        (await page.GetByLabel("Ou prenez une photo avec votre téléphone").CountAsync()).ShouldBe(1);
        await page.Locator(".usa-file-input__target").WaitForAsync();
        var dropZone = page.Locator(".usa-file-input__instructions");
        await Assertions.Expect(dropZone).ToHaveTextAsync("Glissez le fichier ici ou choisissez-le sur l'appareil", new() { UseInnerText = true });
        await Assertions.Expect(page.Locator("input#fichier")).ToHaveAttributeAsync("aria-label", "Glissez le fichier ici ou choisissez-le sur l'appareil");
        await page.CheckPageAsync("document-upload");

        await page.Locator("input#fichier").SetInputFilesAsync(new FilePayload { Name = "bilan.pdf", MimeType = "application/pdf", Buffer = HolderLibrary.Pdf() });
        await Assertions.Expect(page.Locator(".usa-file-input__preview-heading")).ToHaveTextAsync("Fichier choisi Changer de fichier", new() { UseInnerText = true });
        await Assertions.Expect(page.Locator(".usa-file-input .usa-sr-only")).ToHaveTextAsync("Vous avez choisi le fichier : bilan.pdf");
        await page.GetByLabel("Titre", new() { Exact = true }).FillAsync("Bilan de la pharmacie");
        await page.GetByLabel("Type de document").SelectOptionAsync(new SelectOptionValue { Label = "Résultats de biologie" });
        // Hold the upload, as a slow phone network would, until the progress has been looked at: a fixed
        // delay let the page move on while the check still ran on a loaded machine.
        var looked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/documents/envoi", async route =>
        {
            await looked.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await route.ContinueAsync();
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter le document" }).ClickAsync();

        var progress = page.Locator("[data-upload-progress]");
        await progress.WaitForAsync();
        (await page.Locator("[data-upload-status]").InnerTextAsync()).ShouldMatch("Envoi en cours : \\d+ %|Envoyé. Enregistrement…");
        await page.CheckPageAsync("document-upload-progress");
        looked.SetResult();

        await page.WaitForURLAsync(url => url.Contains("?ok=ajoute", StringComparison.Ordinal) && !url.Contains("ajouter", StringComparison.Ordinal));
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("Le document est ajouté à votre espace.");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Bilan de la pharmacie");
        (await page.Locator(".carnet-facts").InnerTextAsync()).ShouldContain("Résultats de biologie");
        await page.CheckPageAsync("document-uploaded");
    }

    [Fact]
    public async Task A_file_over_five_megabytes_is_refused_before_it_is_sent()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        await using var library = await HolderLibrary.OpenAsync(portal, chromium);
        var page = library.Page;
        await page.GotoAsync($"{library.Documents}/ajouter");
        var sent = false;
        await page.RouteAsync("**/documents/envoi", async route =>
        {
            sent = true;
            await route.ContinueAsync();
        });

        var big = new byte[5_000_001];
        "%PDF-1.4\n"u8.CopyTo(big);
        await page.Locator("input#fichier").SetInputFilesAsync(new FilePayload { Name = "scanner.pdf", MimeType = "application/pdf", Buffer = big });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter le document" }).ClickAsync();

        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("Ce fichier dépasse 5 Mo (5 000 000 octets)");
        sent.ShouldBeFalse();
        await page.CheckPageAsync("document-upload-too-large");
    }

    [Fact]
    public async Task Without_javascript_the_upload_form_posts_and_a_refused_format_says_what_to_do()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        await using var library = await HolderLibrary.OpenAsync(portal, chromium, javaScript: false);
        var page = library.Page;

        await page.GotoAsync($"{library.Documents}/ajouter");
        await page.Locator("input#fichier").SetInputFilesAsync(new FilePayload { Name = "photo.heic", MimeType = "image/heic", Buffer = [0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70] });
        await page.GetByLabel("Titre", new() { Exact = true }).FillAsync("Radio du genou");
        await page.GetByLabel("Type de document").SelectOptionAsync(new SelectOptionValue { Label = "Résultats de biologie" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter le document" }).ClickAsync();

        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("n'est pas dans un format accepté");
        page.Url.ShouldNotContain("genou", Case.Insensitive, "what the person typed may say something of their health: it stays out of the address, hence out of logs");
        (await page.Locator("#categorie option:checked").InnerTextAsync()).ShouldBe("Résultats de biologie", "the chosen type comes back");
        // No axe-core here: it runs as page script, which this context forbids (the evaluation never returns).
        // The same page with JavaScript is checked by the other upload tests.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Checks.ScreenshotFolder, "document-upload-refused-noscript.phone.png"), FullPage = true });

        await page.Locator("input#fichier").SetInputFilesAsync(new FilePayload { Name = "genou.txt", MimeType = "text/plain", Buffer = "Radio du genou : normale."u8.ToArray() });
        await page.GetByLabel("Titre", new() { Exact = true }).FillAsync("Radio du genou");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter le document" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("?ok=ajoute", StringComparison.Ordinal));
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Radio du genou");
    }

    [Fact]
    public async Task A_holder_deletes_their_own_document_after_confirming()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        await using var library = await HolderLibrary.OpenAsync(portal, chromium);
        var note = await library.OwnDocumentAsync("Doublon", "x"u8.ToArray());
        await library.OwnDocumentAsync("À garder", "y"u8.ToArray());
        var page = library.Page;

        await page.GotoAsync($"{library.Documents}/{note.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Supprimer ce document" }).ClickAsync();
        (await page.Locator(".carnet-list").InnerTextAsync()).ShouldContain("Doublon");
        await page.CheckPageAsync("documents-delete-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Oui, supprimer définitivement" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/documents?ok=supprime", StringComparison.Ordinal));
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("1 document(s) supprimé(s).");
        (await page.Locator(".carnet-documents li strong").AllInnerTextsAsync()).ShouldBe(new[] { "À garder" });
    }

    [Fact]
    public async Task A_holder_deletes_several_own_documents_at_once_from_the_list()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        await using var library = await HolderLibrary.OpenAsync(portal, chromium);
        await library.OwnDocumentAsync("Brouillon 1", "1"u8.ToArray());
        await library.OwnDocumentAsync("Brouillon 2", "2"u8.ToArray());
        await library.OwnDocumentAsync("Brouillon 3", "3"u8.ToArray());
        var report = await library.LabReportAsync("Bilan du laboratoire");
        var page = library.Page;

        await page.GotoAsync(library.Documents);
        (await page.GetByLabel("Sélectionner « Bilan du laboratoire »").CountAsync()).ShouldBe(0, "a professional's document cannot be ticked");
        // USWDS draws the box on the label (the input itself is off-screen), as a person taps it.
        await page.Locator("label", new() { HasText = "Sélectionner « Brouillon 1 »" }).ClickAsync();
        await page.Locator("label", new() { HasText = "Sélectionner « Brouillon 3 »" }).ClickAsync();
        (await page.GetByLabel("Sélectionner « Brouillon 3 »").IsCheckedAsync()).ShouldBeTrue();
        await page.GetByRole(AriaRole.Button, new() { Name = "Supprimer les documents cochés" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/documents/supprimer?", StringComparison.Ordinal));
        (await page.Locator(".carnet-list li strong").AllInnerTextsAsync()).ShouldBe(new[] { "Brouillon 3", "Brouillon 1" }, ignoreOrder: true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Oui, supprimer définitivement" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/documents?ok=supprime", StringComparison.Ordinal));
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("2 document(s) supprimé(s).");
        (await page.Locator(".carnet-documents li strong").AllInnerTextsAsync()).ShouldBe(new[] { "Bilan du laboratoire", "Brouillon 2" });
        report.ShouldNotBeNull();
    }

    [Fact]
    public async Task More_than_ten_documents_at_once_are_refused_with_what_to_do()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        await using var library = await HolderLibrary.OpenAsync(portal, chromium);
        var ids = new List<Guid>();
        for (var i = 0; i < 11; i++)
        {
            ids.Add((await library.OwnDocumentAsync($"Note {i}", "n"u8.ToArray())).Id);
        }

        var page = library.Page;
        await page.GotoAsync($"{library.Documents}/supprimer?" + string.Join('&', ids.Select(id => $"ids={id}")));

        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("de 1 à 10 documents à la fois");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Oui, supprimer définitivement" }).CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_holder_creates_a_folder_files_a_document_in_it_renames_it_and_deletes_it()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        await using var library = await HolderLibrary.OpenAsync(portal, chromium);
        var report = await library.LabReportAsync("Échographie T1");
        await library.LabReportAsync("Bilan annuel");
        var page = library.Page;

        await page.GotoAsync(library.Documents);
        await page.GetByRole(AriaRole.Link, new() { Name = "Gérer mes dossiers" }).ClickAsync();
        await page.GetByLabel("Nom du nouveau dossier").FillAsync("Grossesse");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le dossier" }).ClickAsync();
        await page.GetByText("Le dossier est créé.").WaitForAsync();
        (await page.Locator(".carnet-list").InnerTextAsync()).ShouldContain("Grossesse");
        await page.CheckPageAsync("documents-folders");

        await page.GotoAsync($"{library.Documents}/{report.Id}");
        await page.GetByLabel("Ranger dans le dossier").SelectOptionAsync(new SelectOptionValue { Label = "Grossesse" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ranger", Exact = true }).ClickAsync();
        await page.GetByText("Le document est rangé.").WaitForAsync();

        await page.GotoAsync(library.Documents);
        await page.GetByText("Rechercher et filtrer", new() { Exact = true }).Last.ClickAsync();
        await page.GetByLabel("Dossier", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Grossesse" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        (await page.Locator(".carnet-documents li strong").AllInnerTextsAsync()).ShouldBe(new[] { "Échographie T1" });
        await page.GetByRole(AriaRole.Link, new() { Name = "Tout afficher" }).ClickAsync();
        await page.GetByLabel("Rechercher dans les titres et les noms de dossiers").FillAsync("grossesse");
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        (await page.Locator(".carnet-documents li strong").AllInnerTextsAsync()).ShouldBe(new[] { "Échographie T1" }, customMessage: "the search looks in folder names too");

        await page.GotoAsync($"{library.Documents}/dossiers");
        await page.GetByRole(AriaRole.Link, new() { Name = "Renommer ou supprimer « Grossesse »" }).ClickAsync();
        await page.GetByLabel("Nom du dossier", new() { Exact = true }).FillAsync("Grossesse 2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Renommer le dossier" }).ClickAsync();
        await page.GetByText("Le dossier est renommé.").WaitForAsync();
        (await page.Locator(".carnet-list").InnerTextAsync()).ShouldContain("Grossesse 2026");
        (await page.Locator(".carnet-list").InnerTextAsync()).ShouldContain("1 document(s)");

        await page.GetByRole(AriaRole.Link, new() { Name = "Renommer ou supprimer « Grossesse 2026 »" }).ClickAsync();
        await page.CheckPageAsync("documents-folder-edit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Supprimer le dossier" }).ClickAsync();
        await page.GetByText("Le dossier est supprimé. Ses documents sont toujours là").WaitForAsync();
        await page.GotoAsync(library.Documents);
        (await page.Locator(".carnet-documents li strong").AllInnerTextsAsync()).ShouldContain("Échographie T1");
    }
}
