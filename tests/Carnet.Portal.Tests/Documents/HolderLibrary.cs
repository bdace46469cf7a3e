using System.Text;
using Carnet.Documents;
using Carnet.Jobs;
using Carnet.Persistence;
using Carnet.Portal.Tests.Testing;
using Carnet.Records;
using Carnet.Records.Import;
using Carnet.SignIn;
using Carnet.Tests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Carnet.Web.Tests.Testing.TestAccounts;
using TestLibrary = Carnet.Tests.Documents.Library;

namespace Carnet.Portal.Tests.Documents;

/// <summary>
/// Alice's library for the document pages: her record open (the opposition window passed), Alice signed in,
/// and documents deposited through the app's own use cases by a laboratory or by Alice.
/// </summary>
public sealed class HolderLibrary : IAsyncDisposable
{
    private IBrowserContext? _ownContext;

    private HolderLibrary(PortalApp portal, IPage page, Guid recordId)
    {
        Portal = portal;
        Page = page;
        RecordId = recordId;
        Holder = new Caller(CallerKind.Holder, "Alice MARTIN", Guid.NewGuid(), HolderRecordId: recordId);
    }

    public PortalApp Portal { get; }

    public IPage Page { get; }

    public Guid RecordId { get; }

    /// <summary>Alice, as the use cases see her (for arranging her own uploads).</summary>
    public Caller Holder { get; }

    /// <summary>A laboratory's software acting for its biologist (Émilie ROBIN).</summary>
    public static Caller Lab { get; } = new(CallerKind.Establishment, "Laboratoire Bioplus", ClientId: "lab-client", Finess: "690000013", Professional: new ActingProfessional(TestLibrary.BiologistIdNatPs, "Émilie ROBIN", "21", null));

    public string Documents => $"/espace/{RecordId}/documents";

    public static async Task<HolderLibrary> OpenAsync(PortalApp portal, Chromium chromium, Device device = Device.Phone, bool javaScript = true)
    {
        var recordId = await CreateAliceAsync(portal.App);
        await OpenRecordsAsync(portal);
        IPage page;
        IBrowserContext? own = null;
        if (javaScript)
        {
            page = await portal.OpenAsync("/connexion", device);
        }
        else
        {
            own = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = portal.BaseAddress,
                Locale = "fr-FR",
                TimezoneId = "Europe/Paris",
                ViewportSize = Checks.Viewport(device),
                JavaScriptEnabled = false,
            });
            page = await own.NewPageAsync();
            page.SetDefaultTimeout(15_000);
            await page.GotoAsync("/connexion");
        }

        await BrowserSignIn.SignInAsync(portal, page, AliceLogin, AlicePassword, People.AliceEmail);
        return new HolderLibrary(portal, page, recordId) { _ownContext = own };
    }

    /// <summary>Six weeks after the notice, the records are created (DOMAIN.md §3): documents can be deposited.</summary>
    private static async Task OpenRecordsAsync(PortalApp portal)
    {
        portal.App.Clock.Advance(TimeSpan.FromDays(42));
        var runner = portal.App.Services.GetRequiredService<JobRunner>();
        await runner.RunAsync(runner.Jobs.Single(j => j.Name == CreateRecordsAfterOppositionWindow.JobName), CancellationToken.None);
    }

    /// <summary>Bruno, another insured person, gets his record (and nobody else sees it).</summary>
    public async Task<Guid> BrunoRecordAsync()
    {
        await using (var scope = Portal.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ImportInsuredPersons>().HandleAsync(
                new ImportInsuredPersons.Request(new MemoryStream(Encoding.UTF8.GetBytes(People.Line(People.Bruno, "DURAND", "Bruno", "1979-01-03", "80250987654", email: "bruno@example.org"))), ImportFormat.Ndjson, "bruno.ndjson"), CancellationToken.None);
        }

        // His notice goes out first (by e-mail): the six weeks count from it.
        await DispatchAsync(Portal.App);
        await OpenRecordsAsync(Portal);

        // Six weeks later Alice's session has long ended: she signs in again.
        await Page.GotoAsync("/connexion");
        await BrowserSignIn.SignInAsync(Portal, Page, AliceLogin, AlicePassword, People.AliceEmail);
        await using var read = Portal.App.Services.CreateAsyncScope();
        return await read.ServiceProvider.GetRequiredService<CarnetDbContext>().Records.Where(r => r.FamilyName == "DURAND").Select(r => r.Id).SingleAsync();
    }

    /// <summary>The laboratory deposits a lab report (a PDF) in the record.</summary>
    public Task<HealthDocument> LabReportAsync(string title = "Bilan sanguin", Guid? recordId = null, byte[]? content = null) =>
        DepositAsync(Lab, TestLibrary.LabReport(title: title), content ?? TestLibrary.Pdf(), recordId);

    /// <summary>Alice's own upload, filed as she would through the API.</summary>
    public Task<HealthDocument> OwnDocumentAsync(string title, byte[] content, string contentType = "text/plain")
    {
        var note = TestLibrary.HolderNote(title) with { ContentType = contentType };
        return DepositAsync(Holder, note, content);
    }

    public async Task<HealthDocument> DepositAsync(Caller caller, DocumentMetadata metadata, byte[] content, Guid? recordId = null)
    {
        await using var scope = Portal.App.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DepositDocuments>().HandleAsync(
            caller, new DepositDocuments.Request(recordId ?? RecordId, [new DepositDocuments.Item(metadata, new DocumentContent.Streamed(new MemoryStream(content)))]), CancellationToken.None);
        // A little later each time, so that "newest first" has an order to show (and the session stays alive).
        Portal.App.Clock.Advance(TimeSpan.FromSeconds(2));
        return result.Documents.Single().Document;
    }

    /// <summary>The laboratory is in the establishments directory (by its FINESS, which its reports carry).</summary>
    public async Task RegisterLaboratoryAsync()
    {
        await using var scope = Portal.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Carnet.Professionals.RegisterEstablishment>().HandleAsync(
            new Carnet.Professionals.RegisterEstablishment.Request(Lab.Finess, "Laboratoire Bioplus", Carnet.Professionals.EstablishmentKind.Laboratory), CancellationToken.None);
    }

    /// <summary>The laboratory deletes its own deposit.</summary>
    public async Task LabDeletesAsync(Guid documentId)
    {
        await using var scope = Portal.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeleteDocuments>().HandleAsync(Lab, [documentId], CancellationToken.None);
    }

    /// <summary>A small PNG (1×1 pixel).</summary>
    public static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>A real one-page PDF saying "Bilan sanguin", so that Chromium's viewer has something to show.</summary>
    public static byte[] Pdf()
    {
        const string stream = "BT /F1 24 Tf 72 720 Td (Bilan sanguin) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownContext is not null)
        {
            await _ownContext.DisposeAsync();
        }
    }
}
