using Carnet.Audit;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carnet.Access.Delegations;

/// <summary>
/// The invited adult accepts (a new representation of kind ParentOfMinor, ending at majority like the
/// first, and an attestation in the child's record) or refuses.
/// </summary>
public sealed class AnswerRepresentativeInvitation(CarnetDbContext db, Attestations attestations, TimeProvider clock, IOptions<RecordsOptions> options)
{
    public async Task<RepresentativeInvitation> AcceptAsync(Caller caller, Guid invitationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var invitation = await InvitationAsync(caller, invitationId, ct);
        var child = await db.Records.AsNoTracking().SingleAsync(r => r.Id == invitation.RecordId, ct);
        if (!child.IsMinorOn(options.Value.Today(now)))
        {
            throw new DelegationException(DelegationException.NotAMinor, "This child is of age: the invitation can no longer be accepted.");
        }

        var invitee = await db.Records.AsNoTracking().SingleAsync(r => r.Id == invitation.InviteeRecordId, ct);
        var representation = Representation.Start(child, invitee.Nir, options.Value.Today(now), now);
        db.Representations.Add(representation);
        invitation.Accept(representation.Id, now);
        db.Traces.Add(Trace.Of(child.Id, caller.Actor, DelegationTraceActions.RepresentativeAccepted, now, representation.Id.ToString()));
        await attestations.FileAsync(child.Id, "Attestation d'ajout d'un représentant légal", [
            $"{invitee.DisplayName} représente {child.DisplayName} sur Carnet depuis le {now:yyyy-MM-dd},",
            "à l'invitation d'un représentant légal de l'enfant.",
            $"Cette représentation prend fin à la majorité de l'enfant, le {child.MajorityOn:yyyy-MM-dd}.",
        ], ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return invitation;
    }

    public async Task<RepresentativeInvitation> RefuseAsync(Caller caller, Guid invitationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var invitation = await InvitationAsync(caller, invitationId, ct);
        invitation.Refuse(now);
        db.Traces.Add(Trace.Of(invitation.RecordId, caller.Actor, DelegationTraceActions.RepresentativeRefused, now, invitation.Id.ToString()));
        await db.SaveChangesAsync(ct);
        return invitation;
    }

    private async Task<RepresentativeInvitation> InvitationAsync(Caller caller, Guid invitationId, CancellationToken ct)
    {
        var own = caller.Kind == CallerKind.Holder ? caller.HolderRecordId : null;
        return await db.Set<RepresentativeInvitation>().FirstOrDefaultAsync(i => i.Id == invitationId && i.InviteeRecordId == own, ct)
            ?? throw new RecordNotFoundException("No invitation of yours has this id: open your invitations and try again.");
    }
}
