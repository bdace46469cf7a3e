using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;

namespace Carnet.Access.Delegations;

/// <summary>
/// The records a signed-in person acts on besides their own (DOMAIN.md §1, §5), as queries the access
/// gate composes: those they represent (an active <see cref="Representation"/> naming their NIR) and
/// those they help as an accepted caregiver. Revocation is effective at the next request because every
/// request asks the database again.
/// </summary>
public static class DelegatedRecords
{
    /// <summary>A holder has at most 3 caregivers (DOMAIN.md §5), pending invitations included.</summary>
    public const int MaxCaregiversPerHolder = 3;

    /// <summary>A caregiver helps at most 5 people (DOMAIN.md §5).</summary>
    public const int MaxHelpedPerCaregiver = 5;

    /// <summary>Records represented by the holder of <paramref name="ownRecordId"/> (parents of minors, guardians).</summary>
    public static IQueryable<Guid> RecordsRepresentedBy(CarnetDbContext db, Guid ownRecordId) =>
        db.Representations
            .Where(p => p.EndedAt == null && db.Records.Any(h => h.Id == ownRecordId && h.Nir == p.RepresentativeNir))
            .Select(p => p.RecordId);

    /// <summary>Records helped by the holder of <paramref name="ownRecordId"/> as an accepted caregiver.</summary>
    public static IQueryable<Guid> RecordsHelpedBy(CarnetDbContext db, Guid ownRecordId) =>
        db.Set<CaregiverLink>()
            .Where(l => l.CaregiverRecordId == ownRecordId && l.Status == DelegationStatus.Accepted)
            .Select(l => l.HolderRecordId);

    /// <summary>Every record the holder of <paramref name="ownRecordId"/> acts for: represented or helped (their own excluded).</summary>
    public static IQueryable<Guid> RecordsActedForBy(CarnetDbContext db, Guid ownRecordId)
    {
        var represented = RecordsRepresentedBy(db, ownRecordId);
        var helped = RecordsHelpedBy(db, ownRecordId);
        return db.Records.Where(r => represented.Contains(r.Id) || helped.Contains(r.Id)).Select(r => r.Id);
    }

    /// <summary>
    /// The records a caller may manage — own and represented, never helped: a caregiver must not manage
    /// caregivers, close the record or change its access settings. For those operations, use this
    /// instead of <c>AccessGate.ReadableRecords</c>.
    /// </summary>
    public static IQueryable<HealthRecord> ManageableRecords(CarnetDbContext db, Caller caller)
    {
        if (caller.Kind != CallerKind.Holder || caller.HolderRecordId is not { } own)
        {
            return db.Records.Where(_ => false);
        }

        var represented = RecordsRepresentedBy(db, own);
        return db.Records.Where(r => r.State != RecordState.Purged && (r.Id == own || represented.Contains(r.Id)));
    }
}
