using Carnet.Access;
using Carnet.Access.Delegations;
using Carnet.Accounts;
using Carnet.Audit;
using Carnet.Documents;
using Carnet.Persistence;
using Carnet.Professionals;
using Carnet.Records;
using Carnet.SignIn;
using Carnet.Terminology;
using Carnet.Tests.Documents;
using Carnet.Tests.Testing;

namespace Carnet.Tests.Access;

/// <summary>
/// A minor's open record (Léo), his mother Alice as legal representative, professionals of several professions
/// in the directory, and the callers who act on it; helpers to deposit, consent, block and read as each of them.
/// </summary>
public sealed class AccessWorld : IAsyncDisposable
{
    private static int _rpps;

    private AccessWorld(CarnetTestHost host, Guid recordId, Guid parentRecordId)
    {
        Host = host;
        RecordId = recordId;
        Holder = new Caller(CallerKind.Holder, "Léo MARTIN", Guid.NewGuid(), HolderRecordId: recordId);
        Representative = new Caller(CallerKind.Holder, "Alice MARTIN", Guid.NewGuid(), HolderRecordId: parentRecordId);
    }

    public CarnetTestHost Host { get; }

    /// <summary>The minor's record.</summary>
    public Guid RecordId { get; }

    /// <summary>Léo himself, signed in to his own record.</summary>
    public Caller Holder { get; }

    /// <summary>His mother, a legal representative.</summary>
    public Caller Representative { get; }

    public Caller Operator { get; } = new(CallerKind.Operator, "Support", Guid.NewGuid());

    public static Carnet.Identifiers.Ins Ins => People.InsOf(People.Child);

    public static async Task<AccessWorld> OpenAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, IDictionary<string, string?>? settings = null)
    {
        var host = await CarnetTestHost.StartAsync(provider, settings: settings);
        await host.ImportAsync(People.AliceLine(), People.ChildLine(People.Alice));
        await host.DispatchOutboxAsync();
        host.Clock.Advance(TimeSpan.FromDays(42));
        await host.RunJobAsync<CreateRecordsAfterOppositionWindow>();
        var child = await host.RecordAsync(People.Child);
        var parent = await host.RecordAsync(People.Alice);
        child.State.ShouldBe(RecordState.Open);
        return new AccessWorld(host, child.Id, parent.Id);
    }

    /// <summary>Registers a new professional in the directory and gives the caller signed in to the portal as them.</summary>
    public async Task<Caller> ProfessionalAsync(string profession, string? specialty = null, string name = "Dr Test", AccessMode mode = AccessMode.Normal)
    {
        var rpps = "10" + Interlocked.Increment(ref _rpps).ToString("000000000", System.Globalization.CultureInfo.InvariantCulture);
        await Host.RunAsync<RegisterProfessional>(r => r.HandleAsync(new RegisterProfessional.Request(rpps, null, name.ToUpperInvariant(), "Test", profession, specialty, null), CancellationToken.None));
        return new Caller(CallerKind.Professional, name, Guid.NewGuid(), Professional: new ActingProfessional("8" + rpps, name, profession, specialty), Mode: mode);
    }

    /// <summary>The same professional calling through an establishment's software, in a mode and for a purpose.</summary>
    public static Caller ThroughSoftware(Caller professional, AccessMode mode = AccessMode.Normal, string? purpose = null) =>
        new(CallerKind.Establishment, "Logiciel de l'hôpital", ClientId: "hospital-client", Finess: "690000013", Professional: professional.Professional, Mode: mode, Purpose: purpose);

    public static Caller InMode(Caller professional, AccessMode mode) => professional with { Mode = mode };

    public static string Rpps(Caller professional) => professional.Professional!.IdNatPs[1..];

    public static DocumentMetadata Document(Caller author, string typeCode, Confidentiality confidentiality = default, string title = "Compte rendu")
    {
        CodeSets.DocumentTypes.TryGet(typeCode, out var type).ShouldBeTrue();
        return new DocumentMetadata("urn:uuid:" + Guid.NewGuid(), title, type.Category, type.Code, type.System, type.ClassCode, null, "application/pdf", null, author.Professional?.IdNatPs, author.Professional?.DisplayName, null, confidentiality);
    }

    /// <summary>Bruno, with an account of his own, invited by Léo's mother to help Léo, and accepted: a caregiver.</summary>
    public async Task<Caller> CaregiverAsync()
    {
        await Host.ImportAsync(People.Line(People.Bruno, "DURAND", "Bruno", "1979-01-03", "80250987654", email: "bruno@example.org"));
        await Host.DispatchOutboxAsync();
        Host.Clock.Advance(TimeSpan.FromDays(42));
        await Host.RunJobAsync<CreateRecordsAfterOppositionWindow>();
        var bruno = await Host.RecordAsync(People.Bruno);
        await Host.RunAsync<CarnetDbContext>(async db =>
        {
            db.Users.Add(new Account { Id = Guid.CreateVersion7(), Kind = AccountKind.Holder, UserName = "bruno.durand", NormalizedUserName = "BRUNO.DURAND", HolderRecordId = bruno.Id, CreatedAt = Host.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        });
        var caregiver = new Caller(CallerKind.Holder, "Bruno DURAND", Guid.NewGuid(), HolderRecordId: bruno.Id);
        var invitation = await Host.RunAsync<InviteCaregiver, CaregiverLink>(i => i.HandleAsync(Representative, new InviteCaregiver.Request(RecordId, "bruno.durand"), CancellationToken.None));
        await Host.RunAsync<AnswerCaregiverInvitation, CaregiverLink>(a => a.AcceptAsync(caregiver, invitation.Id, CancellationToken.None));
        return caregiver;
    }

    public Task<HealthDocument> DepositAsync(Caller caller, DocumentMetadata metadata) =>
        DepositAsync(caller, metadata, Library.Pdf());

    public async Task<HealthDocument> DepositAsync(Caller caller, DocumentMetadata metadata, byte[] content) =>
        (await Host.RunAsync<DepositDocuments, DepositDocuments.Result>(d => d.HandleAsync(caller, new DepositDocuments.Request(RecordId, [new DepositDocuments.Item(metadata, new DocumentContent.Streamed(new MemoryStream(content)))]), CancellationToken.None)))
            .Documents.Single().Document;

    public Task<HealthDocument> DepositAsHolderAsync(Caller holder) => DepositAsync(holder, Library.HolderNote());

    public Task ConsentAsync(Caller professional) =>
        Host.RunAsync<RecordConsent, RecordConsent.Result>(c => c.HandleAsync(professional, Ins, CancellationToken.None));

    public Task BlockAsync(Caller by, Caller professional) =>
        Host.RunAsync<BlockProfessional>(b => b.HandleAsync(by, RecordId, Rpps(professional), CancellationToken.None));

    public Task UnblockAsync(Caller professional) =>
        Host.RunAsync<UnblockProfessional>(b => b.HandleAsync(Holder, RecordId, Rpps(professional), CancellationToken.None));

    public Task WithdrawAsync(Caller professional) =>
        Host.RunAsync<WithdrawAuthorization>(w => w.HandleAsync(Holder, RecordId, Rpps(professional), CancellationToken.None));

    public Task DeclareAsync(CareRole role, Caller professional) =>
        Host.RunAsync<DeclareCareRole>(d => d.DeclareAsync(Holder, RecordId, role, Rpps(professional), CancellationToken.None));

    public Task ChangeSettingsAsync(ChangeAccessSettings.Request request) =>
        Host.RunAsync<ChangeAccessSettings, RecordAccessSettings>(s => s.HandleAsync(Holder, RecordId, request, CancellationToken.None));

    /// <summary>The ids the caller finds in the record (a search, as ITI-67 or the portal's list does).</summary>
    public async Task<IReadOnlyList<Guid>> ListAsync(Caller caller) =>
        (await Host.RunAsync<FindDocuments, FindDocuments.Page>(f => f.HandleAsync(caller, new FindDocuments.Query(RecordId: RecordId, Count: 100), CancellationToken.None)))
            .Items.Where(d => d.Status != DocumentStatus.Deleted).Select(d => d.Id).ToList();

    public Task<HealthDocument> MetadataAsync(Caller caller, Guid documentId) =>
        Host.RunAsync<ReadDocument, HealthDocument>(r => r.MetadataAsync(caller, documentId, CancellationToken.None));

    public async Task<byte[]> RetrieveAsync(Caller caller, Guid documentId)
    {
        return await Host.RunAsync<ReadDocument, byte[]>(async reader =>
        {
            await using var content = await reader.ContentAsync(caller, documentId, false, _ => null, CancellationToken.None);
            var bytes = new MemoryStream();
            await content.Stream.CopyToAsync(bytes);
            return bytes.ToArray();
        });
    }

    public Task HideAsync(Caller caller, Guid documentId) =>
        Host.RunAsync<ChangeDocument, HealthDocument>(c => c.HandleAsync(caller, documentId, new ChangeDocument.Request(HiddenFromProfessionals: true), CancellationToken.None));

    public Task DeleteAsync(Caller caller, Guid documentId) =>
        Host.RunAsync<DeleteDocuments>(d => d.HandleAsync(caller, [documentId], CancellationToken.None));

    public Task<List<Trace>> TracesAsync(string action) =>
        Host.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Traces.Where(t => t.RecordId == RecordId && t.Action == action)));

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
