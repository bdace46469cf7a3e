using System.Text;
using Carnet.Access;
using Carnet.Documents;
using Carnet.Jobs;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.Records.Import;
using Carnet.SignIn;
using Carnet.Terminology;
using Carnet.Tests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Carnet.Web.Tests.Testing.TestAccounts;

namespace Carnet.Portal.Tests.Testing;

/// <summary>Patients of the professional's portal tests, arranged through Carnet's own use cases.</summary>
public static class ProPatients
{
    /// <summary>Dr Claire LEFÈVRE as the use cases see her (TestAccounts.CreateDoctorAsync).</summary>
    public static Caller Doctor { get; } = new(CallerKind.Professional, "Claire LEFÈVRE", Professional: new ActingProfessional("8" + DoctorRpps, "Claire LEFÈVRE", "10", "SM54"));

    /// <summary>Another doctor, who deposits documents.</summary>
    public static Caller Radiologist { get; } = new(CallerKind.Professional, "Marc PETIT", Professional: new ActingProfessional("810109876543", "Marc PETIT", "10", "SM44"));

    /// <summary>Alice's record (and account), open: the opposition window has passed.</summary>
    public static async Task<Guid> OpenAliceAsync(PortalApp portal)
    {
        var recordId = await CreateAliceAsync(portal.App);
        await OpenRecordsAsync(portal);
        return recordId;
    }

    /// <summary>Alice's son Léo MARTIN (born 2014-06-02), Alice his legal representative, both records open.</summary>
    public static async Task<Guid> OpenLeoAsync(PortalApp portal)
    {
        await CreateAliceAsync(portal.App);
        await using (var scope = portal.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ImportInsuredPersons>().HandleAsync(
                new ImportInsuredPersons.Request(new MemoryStream(Encoding.UTF8.GetBytes(People.ChildLine(People.Alice))), ImportFormat.Ndjson, "leo.ndjson"),
                CancellationToken.None);
        }

        await DispatchAsync(portal.App);
        await OpenRecordsAsync(portal);
        await using var read = portal.App.Services.CreateAsyncScope();
        var nir = Carnet.Identifiers.Nir.Parse(People.Child);
        return await read.ServiceProvider.GetRequiredService<CarnetDbContext>().Records.Where(r => r.Nir == nir).Select(r => r.Id).SingleAsync();
    }

    /// <summary>The patient gave Dr LEFÈVRE their consent (recorded as her software would, through RecordConsent).</summary>
    public static async Task ConsentToDoctorAsync(PortalApp portal, string nir)
    {
        await using var scope = portal.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecordConsent>().HandleAsync(Doctor, People.InsOf(nir), CancellationToken.None);
    }

    /// <summary>A PDF deposited by <paramref name="by"/> (Dr PETIT unless told) into the record; returns its id.</summary>
    public static async Task<Guid> DepositAsync(PortalApp portal, Guid recordId, string title, string typeCode = "18748-4", Caller? by = null)
    {
        var depositor = by ?? Radiologist;
        await using var scope = portal.App.Services.CreateAsyncScope();
        CodeSets.DocumentTypes.TryGet(typeCode, out var type).ShouldBeTrue();
        var now = portal.App.Clock.GetUtcNow();
        var metadata = new DocumentMetadata("urn:uuid:" + Guid.NewGuid(), title, type.Category, type.Code, type.System, type.ClassCode, null, "application/pdf", now,
            depositor.Professional!.IdNatPs, depositor.Professional.DisplayName, null, Confidentiality.None);
        var result = await scope.ServiceProvider.GetRequiredService<DepositDocuments>().HandleAsync(
            depositor,
            new DepositDocuments.Request(recordId, [new DepositDocuments.Item(metadata, new DocumentContent.Streamed(new MemoryStream(Carnet.Tests.Documents.Library.Pdf(title))))]),
            CancellationToken.None);
        return result.Documents[0].Document.Id;
    }

    /// <summary>Alice hides one of her documents from professionals (ChangeDocument, as her portal does).</summary>
    public static async Task HideFromProfessionalsAsync(PortalApp portal, Guid recordId, Guid documentId)
    {
        await using var scope = portal.App.Services.CreateAsyncScope();
        var alice = new Caller(CallerKind.Holder, "Alice MARTIN", HolderRecordId: recordId);
        await scope.ServiceProvider.GetRequiredService<ChangeDocument>().HandleAsync(alice, documentId, new ChangeDocument.Request(HiddenFromProfessionals: true), CancellationToken.None);
    }

    private static async Task OpenRecordsAsync(PortalApp portal)
    {
        portal.App.Clock.Advance(TimeSpan.FromDays(42));
        var runner = portal.App.Services.GetRequiredService<JobRunner>();
        await runner.RunAsync(runner.Jobs.Single(j => j.Name == CreateRecordsAfterOppositionWindow.JobName), CancellationToken.None);
    }
}
