using Carnet.Audit;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Access.Delegations;

/// <summary>
/// Ends a representation that came from an invitation: the inviting representative revokes it (or
/// withdraws the pending invitation), or the invited one withdraws. Representations from the
/// operator's enrolment file are not ended here: they change through the operator. Removing an
/// accepted representative files an attestation in the child's record.
/// </summary>
public sealed class EndCoRepresentation(CarnetDbContext db, Attestations attestations, TimeProvider clock)
{
    public async Task HandleAsync(Caller caller, Guid invitationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var own = caller.Kind == CallerKind.Holder ? caller.HolderRecordId : null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var invitation = await db.Set<RepresentativeInvitation>().FirstOrDefaultAsync(i => i.Id == invitationId && (i.InvitedByRecordId == own || i.InviteeRecordId == own), ct)
            ?? throw new RecordNotFoundException("No invitation of yours has this id: open the child's representatives and try again.");
        var wasAccepted = invitation.Status == DelegationStatus.Accepted;
        invitation.End(now);
        db.Traces.Add(Trace.Of(invitation.RecordId, caller.Actor, DelegationTraceActions.RepresentativeRevoked, now, invitation.Id.ToString()));
        if (wasAccepted && invitation.RepresentationId is { } representationId
            && await db.Representations.FirstOrDefaultAsync(p => p.Id == representationId && p.EndedAt == null, ct) is { } representation)
        {
            representation.End(own == invitation.InviteeRecordId ? "withdrew" : "revoked", now);
            var names = await db.Records.AsNoTracking().Where(r => r.Id == invitation.RecordId || r.Id == invitation.InviteeRecordId)
                .Select(r => new { r.Id, Name = r.GivenNames + " " + r.FamilyName, r.State }).ToListAsync(ct);
            var child = names.Single(n => n.Id == invitation.RecordId);
            if (child.State == RecordState.Open)
            {
                await attestations.FileAsync(invitation.RecordId, "Attestation de retrait d'un représentant légal", [
                    $"{names.Single(n => n.Id == invitation.InviteeRecordId).Name} ne représente plus {child.Name} sur Carnet depuis le {now:yyyy-MM-dd}.",
                    "Son accès à l'espace de l'enfant a pris fin à cette date.",
                ], ct);
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
