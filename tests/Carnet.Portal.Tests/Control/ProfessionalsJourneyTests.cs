using Carnet.Access;
using Carnet.Portal.Tests.Testing;
using Microsoft.Playwright;
using static Carnet.Portal.Tests.Testing.ControlWorld;
using static Carnet.Web.Tests.Testing.TestAccounts;

namespace Carnet.Portal.Tests.Control;

/// <summary>The holder sees who may read their record and why, and changes it after reading what each change means.</summary>
[Collection(BrowserTests.Name)]
public sealed class ProfessionalsJourneyTests(Chromium chromium)
{
    [Fact]
    public async Task A_holder_authorises_a_professional_by_rpps_names_them_attending_physician_then_ends_the_role()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var (alice, _, _) = await ArrangeAsync(portal);
        var page = await AliceSignsInAsync(portal);
        await page.GotoAsync($"/espace/{alice}/professionnels");
        await page.GetByText("Aucun professionnel n'est autorisé pour l'instant").WaitForAsync();
        await page.CheckPageAsync("control-professionals-empty");

        await page.GetByLabel("Son numéro RPPS").FillAsync(DoctorRpps);
        await page.ToggleAsync("L'autoriser à lire mes documents");
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();

        await page.GetByText("ce professionnel est autorisé à lire vos documents").WaitForAsync();
        var authorized = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Professionnels autorisés" }) });
        (await authorized.InnerTextAsync()).ShouldContain(DoctorName);
        (await authorized.InnerTextAsync()).ShouldContain("Vous l'avez autorisé vous-même");
        await page.CheckPageAsync("control-professionals-authorised");

        await page.GetByLabel("Son numéro RPPS").FillAsync(DoctorRpps);
        await page.ToggleAsync("En faire mon médecin traitant");
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await page.GetByText("ce professionnel a maintenant ce rôle").WaitForAsync();
        var roles = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Vos professionnels de référence" }) });
        (await roles.InnerTextAsync()).ShouldContain("Médecin traitant");
        var choices = await portal.RunAsync<ShowAccessChoices, ShowAccessChoices.Result>(s => s.HandleAsync(AliceHolder(alice), alice, CancellationToken.None));
        choices.Roles.ShouldHaveSingleItem().Kind.ShouldBe(CareRole.AttendingPhysician);
        choices.Authorized.ShouldHaveSingleItem().Basis.ShouldBe(AuthorizationBasis.Holder);

        await page.GetByRole(AriaRole.Link, new() { Name = $"Mettre fin à ce rôle — {DoctorName}" }).ClickAsync();
        (await page.GetByRole(AriaRole.Heading, new() { Name = $"Mettre fin au rôle de {DoctorName} ?" }).IsVisibleAsync()).ShouldBeTrue();
        await page.GetByText("ne verra plus les documents que vous avez masqués").WaitForAsync();
        await page.CheckPageAsync("control-professionals-confirm-end-role");
        await page.GetByRole(AriaRole.Button, new() { Name = "Oui, mettre fin au rôle" }).ClickAsync();

        await page.GetByText("ce professionnel n'a plus ce rôle").WaitForAsync();
        (await page.GetByText("Vous n'avez nommé personne").IsVisibleAsync()).ShouldBeTrue();
        choices = await portal.RunAsync<ShowAccessChoices, ShowAccessChoices.Result>(s => s.HandleAsync(AliceHolder(alice), alice, CancellationToken.None));
        choices.Roles.ShouldBeEmpty();
        choices.Authorized.ShouldHaveSingleItem("ending the role keeps the authorisation");
    }

    [Fact]
    public async Task A_holder_blocks_a_professional_after_reading_what_it_means_and_unblocking_does_not_give_access_back()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var (alice, _, _) = await ArrangeAsync(portal);
        await portal.RunAsync<AuthorizeProfessional, bool>(async a => { await a.HandleAsync(AliceHolder(alice), alice, DoctorRpps, CancellationToken.None); return true; });
        var page = await AliceSignsInAsync(portal);
        await page.GotoAsync($"/espace/{alice}/professionnels");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Bloquer — {DoctorName}" }).ClickAsync();
        await page.GetByText("même en urgence : ni documents").WaitForAsync();
        await page.CheckPageAsync("control-professionals-confirm-block");
        await page.GetByRole(AriaRole.Button, new() { Name = "Oui, bloquer" }).ClickAsync();

        await page.GetByText("C'est fait : ce professionnel est bloqué.").WaitForAsync();
        var blocked = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Professionnels bloqués" }) });
        (await blocked.InnerTextAsync()).ShouldContain(DoctorName);
        await page.CheckPageAsync("control-professionals-blocked");
        var choices = await portal.RunAsync<ShowAccessChoices, ShowAccessChoices.Result>(s => s.HandleAsync(AliceHolder(alice), alice, CancellationToken.None));
        choices.Blocked.ShouldHaveSingleItem().IdNatPs.ShouldBe(DoctorIdNatPs);
        choices.Authorized.ShouldBeEmpty();

        await page.GetByRole(AriaRole.Link, new() { Name = $"Débloquer — {DoctorName}" }).ClickAsync();
        await page.GetByText("Le débloquer ne lui rend pas l'accès").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Oui, débloquer" }).ClickAsync();

        await page.GetByText("Il n'a pas accès à vos documents tant que vous ne l'autorisez pas").WaitForAsync();
        choices = await portal.RunAsync<ShowAccessChoices, ShowAccessChoices.Result>(s => s.HandleAsync(AliceHolder(alice), alice, CancellationToken.None));
        choices.Blocked.ShouldBeEmpty();
        choices.Authorized.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_wrong_or_unknown_rpps_number_says_what_to_do_and_keeps_the_number()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var (alice, _, _) = await ArrangeAsync(portal);
        var page = await AliceSignsInAsync(portal);
        await page.GotoAsync($"/espace/{alice}/professionnels");

        await page.GetByLabel("Son numéro RPPS").FillAsync("1234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("tapez les 11 chiffres");
        (await page.GetByLabel("Son numéro RPPS").InputValueAsync()).ShouldBe("1234");

        await page.GetByLabel("Son numéro RPPS").FillAsync("10999999990");
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("Aucun professionnel n'a ce numéro RPPS");
        await page.CheckPageAsync("control-professionals-error");
    }

    [Theory]
    [InlineData("professionnels")]
    [InlineData("urgence")]
    [InlineData("historique")]
    [InlineData("proches")]
    [InlineData("notifications")]
    public async Task Another_record_s_page_is_the_page_not_found(string section)
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var (_, _, bruno) = await ArrangeAsync(portal, bruno: true);
        var page = await AliceSignsInAsync(portal);

        var response = await page.GotoAsync($"/espace/{bruno}/{section}");

        response!.Status.ShouldBe(404, string.Join("\n", portal.App.Logs.Lines.Where(l => l.Contains("xception", StringComparison.Ordinal)).Take(3)));
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Page introuvable");
        (await page.GetByText("Bruno").CountAsync()).ShouldBe(0);
        if (section == "professionnels")
        {
            await page.CheckPageAsync("control-not-found");
        }
    }
}
