using Carnet.Access;
using Carnet.Audit;
using Carnet.Portal.Tests.Testing;
using Carnet.Tests.Testing;
using Microsoft.Playwright;
using static Carnet.Portal.Tests.Testing.ControlWorld;

namespace Carnet.Portal.Tests.Control;

/// <summary>The holder reads who did what and when, an emergency access standing out, and narrows the list.</summary>
[Collection(BrowserTests.Name)]
public sealed class HistoryJourneyTests(Chromium chromium)
{
    [Fact]
    public async Task An_emergency_access_shows_with_its_mode_and_the_filters_narrow_the_history()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var (alice, _, _) = await ArrangeAsync(portal);
        await portal.RunAsync<OpenEmergencyAccess, OpenEmergencyAccess.Result>(o => o.HandleAsync(Doctor(AccessMode.BreakTheGlass), People.InsOf(People.Alice), CancellationToken.None));
        var page = await AliceSignsInAsync(portal);
        await page.GotoAsync($"/espace/{alice}/historique");

        var emergency = page.Locator("li", new() { HasText = "a ouvert l'espace en urgence" });
        (await emergency.InnerTextAsync()).ShouldContain(DoctorName);
        (await emergency.InnerTextAsync()).ShouldContain("Urgence : bris de glace");
        (await emergency.InnerTextAsync()).ShouldContain("professionnel de santé");
        await page.CheckPageAsync("control-history");

        await page.GetByLabel("Qui").SelectOptionAsync(new SelectOptionValue { Label = "Les professionnels de santé" });
        await page.GetByLabel("Quoi").SelectOptionAsync(new SelectOptionValue { Label = "Accès en urgence" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await page.WaitForURLAsync("**qui=professionnels**");
        (await page.Locator(".carnet-list > li").CountAsync()).ShouldBe(1);
        (await page.GetByRole(AriaRole.Heading, new() { Name = "1 action(s)" }).IsVisibleAsync()).ShouldBeTrue();

        await page.GetByLabel("Qui").SelectOptionAsync(new SelectOptionValue { Label = "Moi (le titulaire)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await page.GetByText("Rien ne correspond à ces filtres").WaitForAsync();
        await page.CheckPageAsync("control-history-empty-filter");

        await page.GetByRole(AriaRole.Link, new() { Name = "Tout afficher" }).ClickAsync();
        (await page.GetByText("a consulté l'historique").CountAsync()).ShouldBeGreaterThan(0, "reading the history is itself traced, as Alice");
    }

    [Fact]
    public async Task A_long_history_comes_in_pages_of_a_hundred()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var (alice, _, _) = await ArrangeAsync(portal);
        for (var i = 0; i < ShowAccessHistory.PageSize; i++)
        {
            await portal.RunAsync<ShowAccessChoices, ShowAccessChoices.Result>(s => s.HandleAsync(AliceHolder(alice), alice, CancellationToken.None));
        }

        var page = await AliceSignsInAsync(portal);
        await page.GotoAsync($"/espace/{alice}/historique");
        (await page.Locator(".carnet-list > li").CountAsync()).ShouldBe(ShowAccessHistory.PageSize);
        (await page.GetByText("Page 1 sur 2").IsVisibleAsync()).ShouldBeTrue();

        await page.GetByRole(AriaRole.Link, new() { Name = "Suivants" }).ClickAsync();

        await page.GetByText("Page 2 sur 2").WaitForAsync();
        (await page.Locator(".carnet-list > li").CountAsync()).ShouldBeGreaterThan(0);
        await page.CheckPageAsync("control-history-page-2");
    }
}
