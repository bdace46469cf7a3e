using Carnet.Access;
using Carnet.Portal.Tests.Testing;
using Microsoft.Playwright;
using static Carnet.Portal.Tests.Testing.ControlWorld;

namespace Carnet.Portal.Tests.Control;

/// <summary>The holder's emergency toggles, each with what it means, and the coupling rule said in words.</summary>
[Collection(BrowserTests.Name)]
public sealed class EmergencyJourneyTests(Chromium chromium)
{
    [Fact]
    public async Task A_holder_turns_break_the_glass_off_and_shows_hidden_documents_to_the_samu()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var (alice, _, _) = await ArrangeAsync(portal);
        var page = await AliceSignsInAsync(portal);
        await page.GotoAsync($"/espace/{alice}/urgence");
        (await page.GetByLabel("Le SAMU (centre 15) à consulter mon espace").IsCheckedAsync()).ShouldBeTrue("emergency access is on unless the holder objected");
        (await page.GetByLabel("Les autres soignants, si mon état le demande").IsCheckedAsync()).ShouldBeTrue();
        (await page.GetByLabel("Montrer aussi mes documents masqués").IsCheckedAsync()).ShouldBeFalse();
        await page.CheckPageAsync("control-emergency");

        await page.ToggleAsync("Les autres soignants, si mon état le demande");
        await page.ToggleAsync("Montrer aussi mes documents masqués");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        await page.GetByText("vos réglages d'urgence sont enregistrés").WaitForAsync();
        (await page.GetByLabel("Les autres soignants, si mon état le demande").IsCheckedAsync()).ShouldBeFalse();
        var settings = (await portal.RunAsync<ShowAccessChoices, ShowAccessChoices.Result>(s => s.HandleAsync(AliceHolder(alice), alice, CancellationToken.None))).Settings;
        (settings.Centre15Allowed, settings.BreakTheGlassAllowed, settings.HiddenDocumentsInEmergency).ShouldBe((true, false, true));
        await page.CheckPageAsync("control-emergency-saved");
    }

    [Fact]
    public async Task Hidden_documents_in_emergencies_without_an_emergency_mode_says_what_to_do_and_changes_nothing()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var (alice, _, _) = await ArrangeAsync(portal);
        var page = await AliceSignsInAsync(portal);
        await page.GotoAsync($"/espace/{alice}/urgence");

        await page.ToggleAsync("Le SAMU (centre 15) à consulter mon espace");
        await page.ToggleAsync("Les autres soignants, si mon état le demande");
        await page.ToggleAsync("Montrer aussi mes documents masqués");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("autorisez aussi le SAMU ou les autres soignants");
        (await page.GetByLabel("Montrer aussi mes documents masqués").IsCheckedAsync()).ShouldBeTrue("the person's input is kept");
        await page.CheckPageAsync("control-emergency-error");
        var settings = (await portal.RunAsync<ShowAccessChoices, ShowAccessChoices.Result>(s => s.HandleAsync(AliceHolder(alice), alice, CancellationToken.None))).Settings;
        (settings.Centre15Allowed, settings.BreakTheGlassAllowed, settings.HiddenDocumentsInEmergency).ShouldBe((true, true, false));
    }
}
