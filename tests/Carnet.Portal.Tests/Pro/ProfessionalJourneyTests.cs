using Carnet.Audit;
using Carnet.Persistence;
using Carnet.Portal.Tests.Testing;
using Carnet.Tests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Carnet.Portal.Tests.Pro;

/// <summary>A doctor between two patients: finds the record by INS and traits, consults it, deposits, asks consent, breaks the glass.</summary>
[Collection(BrowserTests.Name)]
public sealed class ProfessionalJourneyTests(Chromium chromium)
{
    private const string NotFound = "Aucun dossier accessible";

    [Fact]
    public async Task A_doctor_finds_a_consenting_patient_by_INS_and_traits_and_opens_a_document()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var recordId = await ProPatients.OpenAliceAsync(portal);
        await ProPatients.ConsentToDoctorAsync(portal, People.Alice);
        await ProPatients.DepositAsync(portal, recordId, "IRM du genou droit");
        var page = await portal.DoctorSignedInAsync(Device.Phone);
        await page.CheckPageAsync("pro-search");

        await FindAliceAsync(page);

        await page.WaitForURLAsync($"**/pro/dossiers/{recordId}");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Documents de Alice MARTIN" }).WaitForAsync();
        (await page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "IRM du genou droit" }).InnerTextAsync()).ShouldContain("Marc PETIT");
        await page.CheckPageAsync("pro-record");
        await page.GetByRole(AriaRole.Link, new() { Name = "IRM du genou droit" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "IRM du genou droit" }).WaitForAsync();
        await page.CheckPageAsync("pro-document");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Ouvrir le document" }).ClickAsync());
        (await File.ReadAllTextAsync(await download.PathAsync())).ShouldStartWith("%PDF");
    }

    [Fact]
    public async Task Wrong_traits_give_the_same_answer_as_an_unknown_INS()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        await ProPatients.OpenAliceAsync(portal);
        await ProPatients.ConsentToDoctorAsync(portal, People.Alice);
        var page = await portal.DoctorSignedInAsync();

        await FindAliceAsync(page, givenName: "Alicia");
        var wrongTraits = await page.Locator("#not-found").InnerTextAsync();
        await page.CheckPageAsync("pro-search-not-found");
        await FindAliceAsync(page, nir: People.Bruno, sex: "Masculin");
        var unknown = await page.Locator("#not-found").InnerTextAsync();

        wrongTraits.ShouldContain(NotFound);
        unknown.ShouldBe(wrongTraits);
        page.Url.ShouldEndWith("/pro");
    }

    [Fact]
    public async Task Without_a_right_the_record_is_not_found_until_the_doctor_records_the_patient_s_consent()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var recordId = await ProPatients.OpenAliceAsync(portal);
        await ProPatients.DepositAsync(portal, recordId, "Radio du thorax");
        var page = await portal.DoctorSignedInAsync(Device.Phone);

        await FindAliceAsync(page);
        (await page.Locator("#not-found").InnerTextAsync()).ShouldContain("recueillez son consentement");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le consentement et ouvrir le dossier" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).First.InnerTextAsync()).ShouldContain("Cochez la case");
        await page.CheckPageAsync("pro-consent-error");
        await page.GetByText("Le patient m'a donné son consentement aujourd'hui, pendant la consultation").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le consentement et ouvrir le dossier" }).ClickAsync();

        await page.WaitForURLAsync($"**/pro/dossiers/{recordId}?ok=consentement");
        await page.GetByText("Le consentement du patient est enregistré").WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Radio du thorax" }).WaitForAsync();
        await page.CheckPageAsync("pro-record-after-consent");
        await using var scope = portal.App.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<CarnetDbContext>().Traces.CountAsync(t => t.RecordId == recordId && t.Action == TraceActions.ConsentRecorded)).ShouldBe(1);
    }

    [Fact]
    public async Task A_doctor_deposits_a_result_invisible_to_the_patient_sees_it_in_the_list_and_announces_it()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var recordId = await ProPatients.OpenAliceAsync(portal);
        await ProPatients.ConsentToDoctorAsync(portal, People.Alice);
        var page = await portal.DoctorSignedInAsync(Device.Phone);
        await page.GotoAsync($"/pro/dossiers/{recordId}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Déposer un document" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Déposer un document", Level = 1 }).WaitForAsync();
        await page.CheckPageAsync("pro-deposit");
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "biopsie.pdf", MimeType = "application/pdf", Buffer = Carnet.Tests.Documents.Library.Pdf("biopsie") });
        await page.GetByLabel("Type de document").SelectOptionAsync("11488-4");
        await page.GetByLabel("Titre (facultatif)").FillAsync("Résultat de biopsie");
        await page.GetByText("Invisible au patient jusqu'à ce que je le lui annonce").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Déposer le document" }).ClickAsync();

        await page.WaitForURLAsync($"**/pro/dossiers/{recordId}?ok=depot");
        await page.GetByText("Le document est déposé").WaitForAsync();
        var item = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Résultat de biopsie" });
        (await item.InnerTextAsync()).ShouldContain("invisible au patient");
        (await page.Locator("#invisible-to-patient").InnerTextAsync()).ShouldContain("1 document(s) que vous avez déposé(s) sont invisibles au patient");
        await page.CheckPageAsync("pro-record-invisible-to-patient");

        await item.GetByRole(AriaRole.Button, new() { Name = "J'ai annoncé ce document au patient" }).ClickAsync();
        await page.GetByText("Le document est annoncé").WaitForAsync();
        (await page.Locator("#invisible-to-patient").CountAsync()).ShouldBe(0);
        (await page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Résultat de biopsie" }).InnerTextAsync()).ShouldNotContain("invisible au patient");
    }

    [Fact]
    public async Task Documents_the_patient_hid_are_not_listed_and_the_notice_is_the_same_whether_or_not_there_are_any()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var recordId = await ProPatients.OpenAliceAsync(portal);
        await ProPatients.ConsentToDoctorAsync(portal, People.Alice);
        var page = await portal.DoctorSignedInAsync();
        await page.GotoAsync($"/pro/dossiers/{recordId}");
        var before = await page.GetByRole(AriaRole.Note).Filter(new() { HasText = "masquer des documents" }).InnerTextAsync();

        await ProPatients.DepositAsync(portal, recordId, "Bilan de la hanche");
        var hidden = await ProPatients.DepositAsync(portal, recordId, "Scanner cérébral");
        await ProPatients.HideFromProfessionalsAsync(portal, recordId, hidden);
        await page.ReloadAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Bilan de la hanche" }).WaitForAsync();
        (await page.GetByText("Scanner cérébral").CountAsync()).ShouldBe(0);
        (await page.GetByRole(AriaRole.Note).Filter(new() { HasText = "masquer des documents" }).InnerTextAsync()).ShouldBe(before);
        before.ShouldContain("cette liste peut donc être incomplète");
        await page.CheckPageAsync("pro-record-hidden-notice");
        (await page.GotoAsync($"/pro/dossiers/{recordId}/documents/{hidden}"))!.Status.ShouldBe(404);
    }

    [Fact]
    public async Task An_emergency_access_with_its_reason_shows_emergency_mode_on_every_page_of_the_session()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var recordId = await ProPatients.OpenAliceAsync(portal);
        await ProPatients.DepositAsync(portal, recordId, "Compte rendu des urgences");
        var page = await portal.DoctorSignedInAsync(Device.Phone);

        await FindAliceAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Accéder au dossier en urgence" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).First.InnerTextAsync()).ShouldContain("Choisissez le motif");
        await page.GetByText("Patient inconscient", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Accéder au dossier en urgence" }).ClickAsync();

        await page.WaitForURLAsync($"**/pro/dossiers/{recordId}?ok=urgence");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Mode urgence (bris de glace)" }).WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Compte rendu des urgences" }).WaitForAsync();
        await page.CheckPageAsync("pro-emergency-record");
        foreach (var (path, name) in new[] { ("/pro", "pro-emergency-search"), ("/compte", "pro-emergency-account") })
        {
            await page.GotoAsync(path);
            await page.GetByRole(AriaRole.Heading, new() { Name = "Mode urgence (bris de glace)" }).WaitForAsync();
            await page.CheckPageAsync(name);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Revenir au dossier ouvert en urgence", Exact = false }).ClickAsync();
        await page.WaitForURLAsync($"**/pro/dossiers/{recordId}");
        await using var scope = portal.App.Services.CreateAsyncScope();
        var traces = await scope.ServiceProvider.GetRequiredService<CarnetDbContext>().Traces.Where(t => t.RecordId == recordId && t.AccessMode == AccessMode.BreakTheGlass).ToListAsync();
        traces.ShouldContain(t => t.Action == TraceActions.EmergencyAccessOpened);
        traces.ShouldContain(t => t.Action == TraceActions.EmergencyReasonGiven && t.Target == "unconscious");
        traces.ShouldContain(t => t.Action == TraceActions.DocumentsListed);
    }

    [Fact]
    public async Task A_doctor_opens_a_secret_connection_with_a_minor_and_what_she_deposits_is_hidden_from_the_parents()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var leo = await ProPatients.OpenLeoAsync(portal);
        await ProPatients.ConsentToDoctorAsync(portal, People.Child);
        var page = await portal.DoctorSignedInAsync(Device.Phone);

        await FindAsync(page, People.Child, "Martin", "Léo", "02", "06", "2014", "Masculin");
        await page.WaitForURLAsync($"**/pro/dossiers/{leo}");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Patient mineur : connexion secrète" }).WaitForAsync();
        await page.CheckPageAsync("pro-minor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir une connexion secrète avec ce patient" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Connexion secrète ouverte" }).WaitForAsync();
        await page.CheckPageAsync("pro-secret-connection");

        await page.GetByRole(AriaRole.Link, new() { Name = "Déposer un document" }).First.ClickAsync();
        await page.GetByText("ce document sera de toute façon invisible aux représentants légaux").WaitForAsync();
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "cr.pdf", MimeType = "application/pdf", Buffer = Carnet.Tests.Documents.Library.Pdf("cr") });
        await page.GetByLabel("Type de document").SelectOptionAsync("11488-4");
        await page.GetByLabel("Titre (facultatif)").FillAsync("Consultation confidentielle");
        await page.GetByRole(AriaRole.Button, new() { Name = "Déposer le document" }).ClickAsync();

        await page.GetByText("Le document est déposé").WaitForAsync();
        (await page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Consultation confidentielle" }).InnerTextAsync()).ShouldContain("invisible aux représentants légaux");
        await using var scope = portal.App.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<CarnetDbContext>().Documents.SingleAsync(d => d.RecordId == leo)).InvisibleToLegalRepresentatives.ShouldBeTrue();
    }

    [Fact]
    public async Task A_professional_opening_a_record_they_may_not_consult_gets_the_not_found_page()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var recordId = await ProPatients.OpenAliceAsync(portal);
        var page = await portal.DoctorSignedInAsync(Device.Phone);

        var refused = await page.GotoAsync($"/pro/dossiers/{recordId}");
        refused!.Status.ShouldBe(404, string.Join('\n', portal.App.Logs.Lines.Where(l => l.Contains("xception", StringComparison.Ordinal))));
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Page introuvable");
        await page.CheckPageAsync("pro-not-found");
        var refusedPage = await page.Locator("main").InnerTextAsync();
        var missing = await page.GotoAsync($"/pro/dossiers/{Guid.CreateVersion7()}");
        missing!.Status.ShouldBe(404);
        (await page.Locator("main").InnerTextAsync()).ShouldBe(refusedPage);
    }

    private static Task FindAliceAsync(IPage page, string? nir = null, string givenName = "Alice", string sex = "Féminin") =>
        FindAsync(page, nir ?? People.Alice, "MARTIN", givenName, "21", "03", "1985", sex);

    private static async Task FindAsync(IPage page, string nir, string familyName, string givenName, string day, string month, string year, string sex)
    {
        await page.GetByLabel("Matricule INS (NIR ou NIA, 15 caractères)").FillAsync(nir);
        await page.GetByLabel("Nom de naissance").FillAsync(familyName);
        await page.GetByLabel("Premier prénom").FillAsync(givenName);
        await page.GetByLabel("Jour", new() { Exact = true }).FillAsync(day);
        await page.GetByLabel("Mois", new() { Exact = true }).FillAsync(month);
        await page.GetByLabel("Année", new() { Exact = true }).FillAsync(year);
        await page.GetByText(sex, new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Chercher le dossier" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
