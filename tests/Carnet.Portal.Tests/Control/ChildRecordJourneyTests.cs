using Carnet.Access.Delegations;
using Carnet.Documents;
using Carnet.Portal.Tests.Testing;
using Carnet.Records;
using Carnet.SignIn;
using Microsoft.Playwright;
using static Carnet.Portal.Tests.Testing.ControlWorld;

namespace Carnet.Portal.Tests.Control;

/// <summary>A parent switches to their child's record, sees what representatives may see, and invites the second parent.</summary>
[Collection(BrowserTests.Name)]
public sealed class ChildRecordJourneyTests(Chromium chromium)
{
    [Fact]
    public async Task A_parent_opens_their_child_s_record_with_its_banner_and_sees_only_what_representatives_may_see()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var (alice, child, _) = await ArrangeAsync(portal, child: true);
        await DepositAsync(portal, child!.Value, "Bilan sanguin de Léo");
        await DepositAsync(portal, child.Value, "Consultation confidentielle", new Confidentiality(false, false, InvisibleToLegalRepresentatives: true));
        var page = await AliceSignsInAsync(portal);

        await page.WaitForURLAsync("**/espace");
        (await page.Locator(".carnet-list > li").CountAsync()).ShouldBe(2);
        await page.CheckPageAsync("control-child-choose");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ouvrir — Léo MARTIN" }).ClickAsync();

        await page.WaitForURLAsync($"**/espace/{child}");
        await page.GetByText("Vous consultez l'espace de Léo MARTIN").WaitForAsync();
        (await page.GetByText("Bilan sanguin de Léo").IsVisibleAsync()).ShouldBeTrue();
        (await page.GetByText("Consultation confidentielle").CountAsync()).ShouldBe(0, "a minor's secret is not shown to the representatives");
        await page.CheckPageAsync("control-child-home");

        foreach (var (section, name) in new[] { ("historique", "history"), ("urgence", "emergency"), ("notifications", "notifications") })
        {
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Rubriques de l'espace" }).GetByRole(AriaRole.Link, new() { Name = section == "historique" ? "Historique" : section == "urgence" ? "Urgence" : "Notifications" }).ClickAsync();
            await page.WaitForURLAsync($"**/espace/{child}/{section}");
            await page.GetByText("Vous consultez l'espace de Léo MARTIN").WaitForAsync();
            await page.CheckPageAsync($"control-child-{name}");
        }

        var seen = await portal.RunAsync<FindDocuments, FindDocuments.Page>(f => f.HandleAsync(new Caller(CallerKind.Holder, "Alice MARTIN", HolderRecordId: alice), new FindDocuments.Query(child.Value), CancellationToken.None));
        seen.Items.Select(d => d.Title).ShouldBe(["Bilan sanguin de Léo"]);
    }

    [Fact]
    public async Task A_parent_invites_the_second_parent_who_accepts_and_then_finds_the_child_s_record()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var (_, child, bruno) = await ArrangeAsync(portal, child: true, bruno: true);
        var page = await AliceSignsInAsync(portal);
        await page.GotoAsync($"/espace/{child}/proches");
        var representatives = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Représentants légaux" }) });
        (await representatives.InnerTextAsync()).ShouldContain("Alice MARTIN");
        await page.CheckPageAsync("control-child-relatives");

        await page.GetByLabel("Son identifiant Carnet").First.FillAsync(BrunoLogin);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inviter ce représentant" }).ClickAsync();
        await page.GetByText("Elle est valable 30 jours").WaitForAsync();
        (await page.Locator("li", new() { HasText = "Bruno DURAND" }).InnerTextAsync()).ShouldContain("invitation en attente");

        var brunoPage = await BrunoSignsInAsync(portal);
        await brunoPage.GotoAsync("/representants");
        await brunoPage.WaitForURLAsync($"**/espace/{bruno}/proches**");
        await brunoPage.GetByText("Vous êtes invité(e) à devenir représentant légal de Léo MARTIN").WaitForAsync();
        await brunoPage.CheckPageAsync("control-child-representative-invitation");
        await brunoPage.GetByRole(AriaRole.Button, new() { Name = "Accepter — Léo MARTIN" }).ClickAsync();
        await brunoPage.GetByText("vous avez accepté").WaitForAsync();

        await brunoPage.GotoAsync("/espace?choisir=1");
        (await brunoPage.GetByRole(AriaRole.Link, new() { Name = "Ouvrir — Léo MARTIN" }).IsVisibleAsync()).ShouldBeTrue();
        var records = await portal.RunAsync<ShowRecords, IReadOnlyList<ShowRecords.Summary>>(s => s.ListAsync(new Caller(CallerKind.Holder, "Bruno DURAND", HolderRecordId: bruno), CancellationToken.None));
        records.Select(r => r.Id).ShouldContain(child!.Value);
        var shown = await portal.RunAsync<ShowRepresentatives, ShowRepresentatives.Result>(s => s.OfRecordAsync(new Caller(CallerKind.Holder, "Bruno DURAND", HolderRecordId: bruno), child.Value, CancellationToken.None));
        shown.Representatives.Count.ShouldBe(2);
    }
}
