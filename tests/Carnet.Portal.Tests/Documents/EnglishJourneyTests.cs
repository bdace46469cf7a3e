using System.Globalization;
using Carnet.Portal.Tests.Testing;
using Microsoft.Playwright;

namespace Carnet.Portal.Tests.Documents;

/// <summary>A holder who chose English reads, reports and adds documents in English, dates and sizes written the English way.</summary>
[Collection(BrowserTests.Name)]
public sealed class EnglishJourneyTests(Chromium chromium)
{
    [Fact]
    public async Task A_holder_who_switched_to_english_reads_reports_and_adds_documents_in_english()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        await using var library = await HolderLibrary.OpenAsync(portal, chromium);
        var report = await library.LabReportAsync("Bilan de M. DUPONT");
        var page = library.Page;
        var deposited = TimeZoneInfo.ConvertTime(report.DepositedAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

        await page.GotoAsync(library.Documents);
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("My documents");
        (await page.Locator(".carnet-documents li").First.InnerTextAsync()).ShouldContain(deposited, customMessage: "a date in English words");
        await page.CheckPageAsync("en-documents");

        await page.GetByRole(AriaRole.Link, new() { Name = "Bilan de M. DUPONT" }).ClickAsync();
        (await page.Locator(".carnet-facts").InnerTextAsync()).ShouldContain("Deposited on");
        (await page.GetByRole(AriaRole.Link, new() { Name = "Show the document in the page" }).CountAsync()).ShouldBe(1);
        await page.CheckPageAsync("en-document");
        await page.GetByRole(AriaRole.Button, new() { Name = "Report a document that is not mine" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("Thank you: the document is reported as misfiled.");

        await page.GotoAsync($"{library.Documents}/ajouter");
        await Assertions.Expect(page.Locator(".usa-file-input__instructions")).ToHaveTextAsync("Drag file here or choose from folder", new() { UseInnerText = true });
        (await page.GetByText("At most 5 MB (5,000,000 bytes) per file.").CountAsync()).ShouldBe(1, "numbers written the English way");
        await page.CheckPageAsync("en-document-upload");

        await page.GotoAsync($"{library.Documents}/{Guid.NewGuid()}");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Page not found");
        await page.CheckPageAsync("en-not-found");
    }
}
