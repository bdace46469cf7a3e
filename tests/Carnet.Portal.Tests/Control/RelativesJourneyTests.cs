using Carnet.Access.Delegations;
using Carnet.Portal.Tests.Testing;
using Microsoft.Playwright;
using static Carnet.Portal.Tests.Testing.ControlWorld;

namespace Carnet.Portal.Tests.Control;

/// <summary>A caregiver invited by login, who answers from their own record's "Proches" section; either side ends it.</summary>
[Collection(BrowserTests.Name)]
public sealed class RelativesJourneyTests(Chromium chromium)
{
    [Fact]
    public async Task A_holder_invites_a_caregiver_who_accepts_from_their_own_record_and_the_holder_removes_them()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var (alice, _, bruno) = await ArrangeAsync(portal, bruno: true);
        var page = await AliceSignsInAsync(portal);
        await page.GotoAsync($"/espace/{alice}/proches");
        await page.GetByText("Il ne peut pas gérer les aidants").WaitForAsync();
        await page.CheckPageAsync("control-relatives");

        await page.GetByLabel("Son identifiant Carnet").FillAsync(BrunoLogin);
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'invitation" }).ClickAsync();

        await page.GetByText("l'invitation est envoyée").WaitForAsync();
        (await page.Locator("li", new() { HasText = "Bruno DURAND" }).InnerTextAsync()).ShouldContain("invitation en attente");
        var caregivers = await portal.RunAsync<ShowCaregivers, IReadOnlyList<ShowCaregivers.Caregiver>>(s => s.OfRecordAsync(AliceHolder(alice), alice, CancellationToken.None));
        caregivers.ShouldHaveSingleItem().Status.ShouldBe(DelegationStatus.Pending);

        // Bruno follows the link of the invitation e-mail (/aidants): it opens the Proches section of his own record.
        var brunoPage = await BrunoSignsInAsync(portal);
        await brunoPage.GotoAsync("/aidants");
        await brunoPage.WaitForURLAsync($"**/espace/{bruno}/proches**");
        (await brunoPage.GetByRole(AriaRole.Heading, new() { Name = "Invitations reçues" }).IsVisibleAsync()).ShouldBeTrue();
        await brunoPage.GetByText("Alice MARTIN vous invite à l'aider sur son espace").WaitForAsync();
        await brunoPage.CheckPageAsync("control-relatives-invitation");
        await brunoPage.GetByRole(AriaRole.Button, new() { Name = "Accepter — Alice MARTIN" }).ClickAsync();

        await brunoPage.GetByText("vous avez accepté").WaitForAsync();
        (await brunoPage.Locator("section", new() { HasText = "Les personnes que vous aidez" }).InnerTextAsync()).ShouldContain("Alice MARTIN");
        caregivers = await portal.RunAsync<ShowCaregivers, IReadOnlyList<ShowCaregivers.Caregiver>>(s => s.OfRecordAsync(AliceHolder(alice), alice, CancellationToken.None));
        caregivers.ShouldHaveSingleItem().Status.ShouldBe(DelegationStatus.Accepted);

        // As a caregiver on Alice's record: the banner, what he may do, and no say over who sees it.
        await brunoPage.GotoAsync($"/espace/{alice}/proches");
        await brunoPage.GetByText("Vous consultez l'espace de Alice MARTIN").WaitForAsync();
        (await brunoPage.GetByRole(AriaRole.Button, new() { Name = "Arrêter d'aider" }).IsVisibleAsync()).ShouldBeTrue();
        await brunoPage.CheckPageAsync("control-relatives-as-caregiver");
        await brunoPage.GotoAsync($"/espace/{alice}/professionnels");
        await brunoPage.GetByText("un aidant ne choisit pas qui voit l'espace").WaitForAsync();

        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Retirer cet aidant — Bruno DURAND" }).ClickAsync();

        await page.GetByText("ce lien est terminé").WaitForAsync();
        (await page.Locator("li", new() { HasText = "Bruno DURAND" }).InnerTextAsync()).ShouldContain("terminé");
        caregivers = await portal.RunAsync<ShowCaregivers, IReadOnlyList<ShowCaregivers.Caregiver>>(s => s.OfRecordAsync(AliceHolder(alice), alice, CancellationToken.None));
        caregivers.ShouldHaveSingleItem().Status.ShouldBe(DelegationStatus.Revoked);
    }

    [Fact]
    public async Task An_unknown_login_says_what_to_do_and_keeps_what_was_typed()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var (alice, _, _) = await ArrangeAsync(portal);
        var page = await AliceSignsInAsync(portal);
        await page.GotoAsync($"/espace/{alice}/proches");

        await page.GetByLabel("Son identifiant Carnet").FillAsync("nobody.here");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'invitation" }).ClickAsync();

        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("Vérifiez-le avec la personne");
        (await page.GetByLabel("Son identifiant Carnet").InputValueAsync()).ShouldBe("nobody.here");
        await page.CheckPageAsync("control-relatives-error");
    }
}
