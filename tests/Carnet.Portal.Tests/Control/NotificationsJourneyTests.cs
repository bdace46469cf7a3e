using Carnet.Access;
using Carnet.Audit;
using Carnet.Notifications;
using Carnet.Portal.Tests.Testing;
using Carnet.Tests.Testing;
using Microsoft.Playwright;
using static Carnet.Portal.Tests.Testing.ControlWorld;

namespace Carnet.Portal.Tests.Control;

/// <summary>The notification centre: unread first, marked read, deleted, and which kinds also come by e-mail.</summary>
[Collection(BrowserTests.Name)]
public sealed class NotificationsJourneyTests(Chromium chromium)
{
    [Fact]
    public async Task A_holder_reads_an_emergency_notification_marks_it_read_then_deletes_it()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var (alice, _, _) = await ArrangeAsync(portal);
        await portal.RunAsync<OpenEmergencyAccess, OpenEmergencyAccess.Result>(o => o.HandleAsync(Doctor(AccessMode.BreakTheGlass), People.InsOf(People.Alice), CancellationToken.None));
        var page = await AliceSignsInAsync(portal);
        var holder = await AliceAsync(portal, alice);
        await page.GotoAsync($"/espace/{alice}/notifications");

        await page.GetByText("1 notification(s) non lue(s)").WaitForAsync();
        var item = page.Locator(".carnet-list > li").First;
        (await item.InnerTextAsync()).ShouldContain("nouveau");
        (await item.InnerTextAsync()).ShouldContain("Urgence : bris de glace");
        await page.CheckPageAsync("control-notifications");

        await item.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Marquer comme lu") }).ClickAsync();

        await page.GetByText("C'est fait : marqué comme lu.").WaitForAsync();
        (await page.GetByText("Vous avez tout lu.").IsVisibleAsync()).ShouldBeTrue();
        var centre = await portal.RunAsync<FindNotifications, FindNotifications.Page>(f => f.HandleAsync(holder, new FindNotifications.Query(alice), CancellationToken.None));
        (centre.Total, centre.Unread).ShouldBe((1, 0));

        await page.Locator(".carnet-list > li").First.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Supprimer") }).ClickAsync();

        await page.GetByText("la notification est supprimée").WaitForAsync();
        (await page.GetByText("Aucune notification.").IsVisibleAsync()).ShouldBeTrue();
        await page.CheckPageAsync("control-notifications-empty");
        centre = await portal.RunAsync<FindNotifications, FindNotifications.Page>(f => f.HandleAsync(holder, new FindNotifications.Query(alice), CancellationToken.None));
        centre.Total.ShouldBe(0);
    }

    [Fact]
    public async Task A_holder_stops_emergency_emails_and_keeps_the_others()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var (alice, _, _) = await ArrangeAsync(portal);
        var page = await AliceSignsInAsync(portal);
        var holder = await AliceAsync(portal, alice);
        await page.GotoAsync($"/espace/{alice}/notifications");
        (await page.GetByLabel("quelqu'un ouvre mon espace en urgence").IsCheckedAsync()).ShouldBeTrue();

        await page.ToggleAsync("quelqu'un ouvre mon espace en urgence");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        await page.GetByText("vos choix d'e-mails sont enregistrés").WaitForAsync();
        (await page.GetByLabel("quelqu'un ouvre mon espace en urgence").IsCheckedAsync()).ShouldBeFalse();
        await page.CheckPageAsync("control-notifications-preferences");
        var preferences = await portal.RunAsync<ShowNotificationPreferences, IReadOnlyList<ShowNotificationPreferences.Preference>>(s => s.HandleAsync(holder, alice, CancellationToken.None));
        preferences.Single(p => p.Kind == NotificationKind.EmergencyAccess).Email.ShouldBeFalse();
        preferences.Where(p => p.Kind != NotificationKind.EmergencyAccess).ShouldAllBe(p => p.Email);
    }
}
