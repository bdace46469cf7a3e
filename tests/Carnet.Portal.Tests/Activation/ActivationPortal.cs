using System.Text;
using Carnet.Jobs;
using Carnet.Portal.Tests.Testing;
using Carnet.Records;
using Carnet.Records.Import;
using Carnet.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Carnet.Web.Tests.Testing.TestAccounts;

namespace Carnet.Portal.Tests.Activation;

/// <summary>The people of the activation tests: Alice informed by the operator (no account yet), or with her record open.</summary>
public static class ActivationPortal
{
    /// <summary>A portal whose enrolment pages take the many requests of a whole journey from one test browser.</summary>
    public static Task<PortalApp> StartAsync(Chromium chromium) =>
        PortalApp.StartAsync(chromium, settings: new Dictionary<string, string?>(StringComparer.Ordinal) { ["Carnet:Records:EnrolmentRequestsPerMinute"] = "1000" });

    /// <summary>Alice imported by the operator and informed by e-mail: returns the provisional code of her notice.</summary>
    public static async Task<string> InformAliceAsync(PortalApp portal)
    {
        await using (var scope = portal.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ImportInsuredPersons>().HandleAsync(
                new ImportInsuredPersons.Request(new MemoryStream(Encoding.UTF8.GetBytes(People.AliceLine())), ImportFormat.Ndjson, "alice.ndjson"),
                CancellationToken.None);
        }

        await DispatchAsync(portal.App);
        return portal.App.Mail.LastProvisionalCodeTo(People.AliceEmail);
    }

    /// <summary>Alice's account, her record created after the six weeks, and Alice signed in on her phone.</summary>
    public static async Task<(IPage Page, Guid RecordId)> AliceWithAnOpenRecordAsync(PortalApp portal)
    {
        var recordId = await CreateAliceAsync(portal.App);
        portal.App.Clock.Advance(LifecycleRules.OppositionWindow);
        var runner = portal.App.Services.GetRequiredService<JobRunner>();
        await runner.RunAsync(runner.Jobs.Single(j => j.Name == CreateRecordsAfterOppositionWindow.JobName), CancellationToken.None);
        var page = await portal.OpenAsync("/connexion");
        await BrowserSignIn.SignInAsync(portal, page, AliceLogin, AlicePassword, People.AliceEmail);
        return (page, recordId);
    }

    /// <summary>Fills in the first screen of the wizard.</summary>
    public static async Task FillIdentityAsync(IPage page, string code, string nir, string serial)
    {
        await page.GetByLabel("Code provisoire").FillAsync(code);
        await page.GetByLabel("Numéro de sécurité sociale").FillAsync(nir);
        await page.GetByLabel("Numéro de série de la carte Vitale").FillAsync(serial);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
    }

    /// <summary>Ticks or unticks a USWDS checkbox or radio as a person does: by its label (the input itself is drawn off-screen).</summary>
    public static async Task TickAsync(IPage page, string label, bool ticked)
    {
        var input = page.GetByLabel(label, new() { Exact = false }).First;
        if (await input.IsCheckedAsync() != ticked)
        {
            var id = await input.GetAttributeAsync("id");
            await page.Locator($"label[for='{id}']").ClickAsync();
        }

        (await input.IsCheckedAsync()).ShouldBe(ticked, label);
    }

    /// <summary>The error the page shows (role alert), once there.</summary>
    public static async Task<string> AlertAsync(IPage page)
    {
        var alert = page.GetByRole(AriaRole.Alert);
        await alert.WaitForAsync();
        return await alert.InnerTextAsync();
    }
}
