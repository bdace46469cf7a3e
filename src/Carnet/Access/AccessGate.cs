using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;

namespace Carnet.Access;

/// <summary>
/// The one gate every read of health data goes through (STYLE.md rule 4): it gives the records a caller
/// may open as a query, so that a refused record and an absent one are the same empty result.
/// Today: a holder's own record and the records of those they represent. Professionals' access (care team,
/// consent, emergency modes, blocking — DOMAIN.md §5) is decided here by issue #5; until then they see no
/// record, and the operator's staff never do.
/// </summary>
public sealed class AccessGate(CarnetDbContext db)
{
    public IQueryable<HealthRecord> ReadableRecords(Caller caller)
    {
        if (caller.Kind != CallerKind.Holder || caller.HolderRecordId is not { } own)
        {
            return db.Records.Where(_ => false);
        }

        return db.Records.Where(r => r.State != RecordState.Purged
            && (r.Id == own
                || db.Representations.Any(p => p.RecordId == r.Id && p.EndedAt == null
                    && db.Records.Any(h => h.Id == own && h.Nir == p.RepresentativeNir))));
    }
}
