using System.Text;
using Carnet.Audit;
using Carnet.Documents;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;
using Carnet.Terminology;
using Carnet.Tests.Testing;

namespace Carnet.Tests.Documents;

/// <summary>A test's own Carnet with Alice's record open, and the callers who deposit and read in it.</summary>
public sealed class Library : IAsyncDisposable
{
    public const string BiologistIdNatPs = "810505678903";
    public const string OtherIdNatPs = "810606789013";

    private Library(CarnetTestHost host, Guid recordId)
    {
        Host = host;
        RecordId = recordId;
        Holder = new Caller(CallerKind.Holder, "Alice MARTIN", Guid.NewGuid(), HolderRecordId: recordId);
    }

    public CarnetTestHost Host { get; }

    public Guid RecordId { get; }

    public Caller Holder { get; }

    /// <summary>A laboratory's software acting for its biologist.</summary>
    public Caller Lab { get; } = new(CallerKind.Establishment, "Laboratoire Bioplus", ClientId: "lab-client", Finess: "690000013", Professional: new ActingProfessional(BiologistIdNatPs, "Émilie ROBIN", "21", null));

    /// <summary>Another professional, signed in to the portal.</summary>
    public Caller OtherProfessional { get; } = new(CallerKind.Professional, "Marc DUPONT", Guid.NewGuid(), Professional: new ActingProfessional(OtherIdNatPs, "Marc DUPONT", "10", "SM54"));

    public Caller Operator { get; } = new(CallerKind.Operator, "Support", Guid.NewGuid());

    public static async Task<Library> OpenAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, IDictionary<string, string?>? settings = null)
    {
        var host = await CarnetTestHost.StartAsync(provider, settings: settings);
        await host.ImportAsync(People.AliceLine());
        await host.DispatchOutboxAsync();
        host.Clock.Advance(TimeSpan.FromDays(42));
        await host.RunJobAsync<CreateRecordsAfterOppositionWindow>();
        var record = await host.RecordAsync(People.Alice);
        record.State.ShouldBe(RecordState.Open);
        return new Library(host, record.Id);
    }

    public static DocumentMetadata LabReport(string? masterIdentifier = null, Confidentiality confidentiality = default, string title = "Bilan sanguin")
    {
        CodeSets.DocumentTypes.TryGet("11502-2", out var type).ShouldBeTrue();
        return OfType(type, masterIdentifier, title, confidentiality);
    }

    /// <summary>A laboratory's deposit of one of the code sets' document types, with that type's class and category.</summary>
    public static DocumentMetadata OfType(DocumentType type, string? masterIdentifier = null, string? title = null, Confidentiality confidentiality = default) =>
        new(masterIdentifier ?? "urn:oid:1.2.250.1.999." + Guid.NewGuid().ToString("N"), title ?? type.Display, type.Category, type.Code, type.System, type.ClassCode, null, "application/pdf", null, BiologistIdNatPs, "Émilie ROBIN", "690000013", confidentiality);

    public static DocumentMetadata HolderNote(string title = "Mes vaccins")
    {
        var type = CodeSets.DocumentTypes.HolderTypeFor("AUTR_DOC")!;
        return new DocumentMetadata("urn:uuid:" + Guid.NewGuid(), title, type.Category, type.Code, type.System, type.ClassCode, null, "text/plain", null, null, null, null, Confidentiality.None);
    }

    public static byte[] Pdf(string text = "résultat") => Encoding.UTF8.GetBytes("%PDF-1.4\n% " + text + "\n%%EOF\n");

    public Task<DepositDocuments.Result> DepositAsync(Caller caller, DocumentMetadata metadata, byte[] content, Guid? replaces = null, string? idempotencyKey = null) =>
        Host.RunAsync<DepositDocuments, DepositDocuments.Result>(d => d.HandleAsync(caller, new DepositDocuments.Request(RecordId, [new DepositDocuments.Item(metadata, new DocumentContent.Streamed(new MemoryStream(content)), replaces)], idempotencyKey), CancellationToken.None));

    public async Task<HealthDocument> DepositOneAsync(Caller caller, DocumentMetadata metadata, byte[]? content = null) =>
        (await DepositAsync(caller, metadata, content ?? Pdf())).Documents.Single().Document;

    public Task<FindDocuments.Page> FindAsync(Caller caller, FindDocuments.Query? query = null) =>
        Host.RunAsync<FindDocuments, FindDocuments.Page>(f => f.HandleAsync(caller, query ?? new FindDocuments.Query(RecordId: RecordId), CancellationToken.None));

    public async Task<byte[]> RetrieveAsync(Caller caller, Guid documentId, ByteRange? range = null, bool embedded = false)
    {
        return await Host.RunAsync<ReadDocument, byte[]>(async reader =>
        {
            await using var content = await reader.ContentAsync(caller, documentId, embedded, _ => range, CancellationToken.None);
            var bytes = new MemoryStream();
            await content.Stream.CopyToAsync(bytes);
            return bytes.ToArray();
        });
    }

    public Task<List<Trace>> TracesAsync(string action) =>
        Host.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Traces.Where(t => t.RecordId == RecordId && t.Action == action)));

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
