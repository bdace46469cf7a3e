using Carnet.Audit;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Access.Delegations;

/// <summary>
/// Either side ends a caregiver link (DOMAIN.md §5): the holder revokes, the caregiver withdraws; a
/// pending invitation is withdrawn the same way. Effective at the next request (the gate reads links
/// each time). Ending an accepted link files an attestation in the holder's record when it is open.
/// </summary>
public sealed class EndCaregiving(CarnetDbContext db, Attestations attestations, TimeProvider clock)
{
    public const string ByHolder = "holder";
    public const string ByCaregiver = "caregiver";

    /// <summary>The holder (or their representative) ends a caregiver's link to the record.</summary>
    public async Task RevokeAsync(Caller caller, Guid recordId, Guid linkId, CancellationToken ct)
    {
        var managed = DelegatedRecords.ManageableRecords(db, caller).Select(r => r.Id);
        var link = await db.Set<CaregiverLink>().FirstOrDefaultAsync(l => l.Id == linkId && l.HolderRecordId == recordId && managed.Contains(l.HolderRecordId), ct)
            ?? throw new RecordNotFoundException("This record has no caregiver with this id: list the caregivers and try again.");
        await EndAsync(caller, link, ByHolder, DelegationTraceActions.CaregiverRevoked, ct);
    }

    /// <summary>The caregiver stops helping the holder of <paramref name="recordId"/>.</summary>
    public async Task WithdrawAsync(Caller caller, Guid recordId, CancellationToken ct)
    {
        var own = caller.Kind == CallerKind.Holder ? caller.HolderRecordId : null;
        var link = await db.Set<CaregiverLink>().FirstOrDefaultAsync(l => l.HolderRecordId == recordId && l.CaregiverRecordId == own && l.Status == DelegationStatus.Accepted, ct)
            ?? throw new RecordNotFoundException("You do not help anyone with this record id: list the people you help and try again.");
        await EndAsync(caller, link, ByCaregiver, DelegationTraceActions.CaregiverWithdrew, ct);
    }

    private async Task EndAsync(Caller caller, CaregiverLink link, string by, string action, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var wasAccepted = link.Status == DelegationStatus.Accepted;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        link.End(by, now);
        db.Traces.Add(Trace.Of(link.HolderRecordId, caller.Actor, action, now, link.Id.ToString()));
        var holder = await db.Records.AsNoTracking().Where(r => r.Id == link.HolderRecordId).Select(r => new { r.GivenNames, r.FamilyName, r.State }).SingleAsync(ct);
        var caregiver = await db.Records.AsNoTracking().Where(r => r.Id == link.CaregiverRecordId).Select(r => r.GivenNames + " " + r.FamilyName).SingleAsync(ct);
        if (wasAccepted && holder.State == RecordState.Open)
        {
            var who = by == ByHolder ? "à la demande du titulaire" : "à la demande de l'aidant";
            await attestations.FileAsync(link.HolderRecordId, "Attestation de fin d'aide par un aidant", [
                $"{caregiver} n'est plus aidant de {holder.GivenNames} {holder.FamilyName} sur Carnet depuis le {now:yyyy-MM-dd},",
                $"{who}. Son accès à l'espace a pris fin à cette date.",
            ], ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
