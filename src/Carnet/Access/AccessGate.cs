using Carnet.Access.Delegations;
using Carnet.Audit;
using Carnet.Documents;
using Carnet.Identifiers;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Access;

/// <summary>
/// The one gate every read of health data goes through (STYLE.md rule 4): it gives the records and
/// documents a caller may open as queries, so that a refused item and an absent one are the same empty
/// result, and it names the record a caller may deposit into.
/// Today: a holder's own record and the records of those they represent; professionals and their
/// software see the documents they deposited (DOMAIN.md §4 until issue #5 decides care team, consent,
/// emergency modes and blocking, §5); the operator's staff never see health data.
/// </summary>
public sealed class AccessGate(CarnetDbContext db, TimeProvider clock)
{
    /// <summary>A document invisible to the holder becomes visible one month after deposit (DOMAIN.md §4, law).</summary>
    public static readonly TimeSpan InvisibleToHolderAtMost = TimeSpan.FromDays(30);

    public IQueryable<HealthRecord> ReadableRecords(Caller caller)
    {
        if (caller.Kind != CallerKind.Holder || caller.HolderRecordId is not { } own)
        {
            return db.Records.Where(_ => false);
        }

        // Holder side: their own record and those they represent or help (Access/Delegations).
        var actedFor = DelegatedRecords.RecordsActedForBy(db, own);
        return db.Records.Where(r => r.State != RecordState.Purged && (r.Id == own || actedFor.Contains(r.Id)));
    }

    /// <summary>
    /// The documents a caller may see, deleted ones included as tombstones for the holder (they see
    /// that the author deleted one). Content is only served for those not deleted.
    /// </summary>
    public IQueryable<HealthDocument> ReadableDocuments(Caller caller)
    {
        switch (caller.Kind)
        {
            case CallerKind.Holder when caller.HolderRecordId is { } own:
                var records = ReadableRecords(caller).Select(r => r.Id);
                var released = clock.GetUtcNow() - InvisibleToHolderAtMost;
                return db.Documents.Where(d => records.Contains(d.RecordId)
                    && (d.Status != DocumentStatus.Deleted || d.DeletedByKind != ActorKind.Holder)
                    && (!d.InvisibleToHolder || d.DepositedAt <= released)
                    && (d.RecordId == own || !d.InvisibleToLegalRepresentatives));
            case CallerKind.Professional or CallerKind.Establishment:
                var actor = caller.Actor;
                return db.Documents.Where(d => d.DepositorKind == actor.Kind && d.DepositorId == actor.Id && d.Status != DocumentStatus.Deleted
                    && db.Records.Any(r => r.Id == d.RecordId && r.State == RecordState.Open));
            default:
                return db.Documents.Where(_ => false);
        }
    }

    /// <summary>The open record a caller may deposit into, found by INS; null when there is none (or it is not theirs to fill).</summary>
    public async Task<Guid?> DepositTargetAsync(Caller caller, Ins ins, CancellationToken ct)
    {
        var records = caller.Kind switch
        {
            CallerKind.Holder => ReadableRecords(caller),
            CallerKind.Professional or CallerKind.Establishment => db.Records,
            _ => db.Records.Where(_ => false),
        };
        var id = await records.Where(r => r.Nir == ins.Nir && r.InsAuthority == ins.Authority && r.State == RecordState.Open).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        return id;
    }

    /// <summary>Whether a caller may deposit into this record (the holder's own or represented, or any open record for professionals until #5).</summary>
    public Task<bool> MayDepositAsync(Caller caller, Guid recordId, CancellationToken ct)
    {
        var records = caller.Kind switch
        {
            CallerKind.Holder => ReadableRecords(caller),
            CallerKind.Professional or CallerKind.Establishment => db.Records,
            _ => db.Records.Where(_ => false),
        };
        return records.AnyAsync(r => r.Id == recordId && r.State == RecordState.Open, ct);
    }
}
