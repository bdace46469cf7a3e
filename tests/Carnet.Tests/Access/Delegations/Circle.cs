using System.Globalization;
using Carnet.Access.Delegations;
using Carnet.Accounts;
using Carnet.Audit;
using Carnet.Documents;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;
using Carnet.Tests.Documents;
using Carnet.Tests.Testing;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Tests.Access.Delegations;

/// <summary>
/// A test's own Carnet with open, activated records: Alice (a holder), Bruno and Chloé (adults who
/// may help), Anne (a parent) and her son Léo (a minor she represents), and more helped people on demand.
/// </summary>
public sealed class Circle : IAsyncDisposable
{
    private Circle(CarnetTestHost host, Dictionary<string, Guid> records)
    {
        Host = host;
        Records = records;
    }

    public CarnetTestHost Host { get; }

    public Dictionary<string, Guid> Records { get; }

    public Caller Alice => Holder("alice");

    public Caller Bruno => Holder("bruno");

    public Caller Chloe => Holder("chloe");

    public Caller Anne => Holder("anne");

    public Guid Child => Records["leo"];

    public static async Task<Circle> OpenAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, int moreHolders = 0)
    {
        var host = await CarnetTestHost.StartAsync(provider);
        var lines = new List<(string Login, string Nir, string Line)>
        {
            ("alice", People.Alice, People.AliceLine()),
            ("bruno", People.Bruno, People.Line(People.Bruno, "DURAND", "Bruno", "1979-01-03", "80250987654", email: "bruno@example.org")),
            ("chloe", People.Chloe, People.Line(People.Chloe, "PETIT", "Chloé", "1999-01-13", "80250987655", email: "chloe@example.org")),
            ("anne", People.Parent, People.Line(People.Parent, "MARTIN", "Anne", "1982-03-10", "80250123499", email: "anne@example.org")),
            ("leo", People.Child, People.ChildLine(People.Parent)),
        };
        for (var i = 0; i < moreHolders; i++)
        {
            var nir = People.Nir("17501750561" + i.ToString("00", CultureInfo.InvariantCulture));
            lines.Add(($"helped{i}", nir, People.Line(nir, "DUPOND", $"Personne{i}", "1975-01-01", "802500000" + i.ToString("00", CultureInfo.InvariantCulture), email: $"p{i}@example.org")));
        }

        await host.ImportAsync([.. lines.Select(l => l.Line)]);
        await host.DispatchOutboxAsync();
        host.Clock.Advance(LifecycleRules.OppositionWindow);
        await host.RunJobAsync<CreateRecordsAfterOppositionWindow>();
        var records = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await host.RunAsync<CarnetDbContext>(async db =>
        {
            foreach (var (login, nir, _) in lines)
            {
                var record = await db.Records.SingleAsync(r => r.Nir == Carnet.Identifiers.Nir.Parse(nir));
                record.State.ShouldBe(RecordState.Open);
                records[login] = record.Id;
                db.Users.Add(new Account
                {
                    Id = Guid.CreateVersion7(),
                    Kind = AccountKind.Holder,
                    UserName = login + ".login",
                    NormalizedUserName = (login + ".login").ToUpperInvariant(),
                    HolderRecordId = record.Id,
                    CreatedAt = host.Clock.GetUtcNow(),
                });
            }

            await db.SaveChangesAsync();
        });
        return new Circle(host, records);
    }

    public Caller Holder(string login) => new(CallerKind.Holder, login, Guid.NewGuid(), HolderRecordId: Records[login]);

    public static string Login(string person) => person + ".login";

    public Task<CaregiverLink> InviteAsync(Caller holder, string caregiver, Guid? recordId = null) =>
        Host.RunAsync<InviteCaregiver, CaregiverLink>(i => i.HandleAsync(holder, new InviteCaregiver.Request(recordId ?? holder.HolderRecordId!.Value, Login(caregiver)), CancellationToken.None));

    public Task<CaregiverLink> AcceptAsync(Caller caregiver, Guid linkId) =>
        Host.RunAsync<AnswerCaregiverInvitation, CaregiverLink>(a => a.AcceptAsync(caregiver, linkId, CancellationToken.None));

    public async Task<CaregiverLink> HelpAsync(Caller holder, string caregiver) =>
        await AcceptAsync(Holder(caregiver), (await InviteAsync(holder, caregiver)).Id);

    public Task<bool> CanOpenAsync(Caller caller, Guid recordId) =>
        Host.RunAsync<Carnet.Access.AccessGate, bool>(gate => gate.ReadableRecords(caller).AnyAsync(r => r.Id == recordId));

    public Task<FindDocuments.Page> FindAsync(Caller caller, Guid recordId) =>
        Host.RunAsync<FindDocuments, FindDocuments.Page>(f => f.HandleAsync(caller, new FindDocuments.Query(RecordId: recordId), CancellationToken.None));

    public async Task<HealthDocument> DepositAsync(Caller caller, Guid recordId, DocumentMetadata? metadata = null) =>
        (await Host.RunAsync<DepositDocuments, DepositDocuments.Result>(d => d.HandleAsync(caller, new DepositDocuments.Request(recordId, [new DepositDocuments.Item(metadata ?? Library.HolderNote(), new DocumentContent.Streamed(new MemoryStream(Library.Pdf())))]), CancellationToken.None)))
            .Documents.Single().Document;

    public Task<List<Trace>> TracesAsync(Guid recordId, string action) =>
        Host.QueryAsync(db => db.Traces.AsNoTracking().Where(t => t.RecordId == recordId && t.Action == action).ToListAsync());

    public Task<List<HealthDocument>> AttestationsAsync(Guid recordId) =>
        Host.QueryAsync(db => db.Documents.AsNoTracking().Where(d => d.RecordId == recordId && d.TypeCode == Attestations.TypeCode).OrderBy(d => d.DepositedAt).ToListAsync());

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
