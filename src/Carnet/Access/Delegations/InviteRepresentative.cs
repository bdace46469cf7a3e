using Carnet.Audit;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.Records.Notices;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carnet.Access.Delegations;

/// <summary>
/// A minor's legal representative invites a second one (DOMAIN.md §3.4), by the login of their
/// Carnet account; only while the child is a minor; the invitation expires after 30 days.
/// </summary>
public sealed class InviteRepresentative(CarnetDbContext db, HolderMail mail, TimeProvider clock, IOptions<RecordsOptions> options)
{
    public sealed record Request(Guid RecordId, string RepresentativeLogin);

    public async Task<RepresentativeInvitation> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var own = caller.Kind == CallerKind.Holder ? caller.HolderRecordId : null;
        var child = await db.Records.AsNoTracking().FirstOrDefaultAsync(
            r => r.Id == request.RecordId && r.State == RecordState.Open
                && db.Representations.Any(p => p.RecordId == r.Id && p.EndedAt == null && p.Kind == RepresentationKind.ParentOfMinor
                    && db.Records.Any(h => h.Id == own && h.Nir == p.RepresentativeNir)),
            ct) ?? throw new RecordNotFoundException("You represent no child with this record id: open the list of your records and try again.");
        if (!child.IsMinorOn(options.Value.Today(now)))
        {
            throw new DelegationException(DelegationException.NotAMinor, "This child is of age: a representative can no longer be added.");
        }

        var invitee = await DelegationPeople.InviteeAsync(db, request.RepresentativeLogin, ct);
        if (invitee.Id == own || invitee.Id == child.Id)
        {
            throw new DelegationException(DelegationException.CannotInviteYourself, "Invite the other adult who represents the child, not yourself or the child.");
        }

        if (await db.Representations.AnyAsync(p => p.RecordId == child.Id && p.RepresentativeNir == invitee.Nir, ct)
            || await db.Set<RepresentativeInvitation>().AnyAsync(i => i.RecordId == child.Id && i.InviteeRecordId == invitee.Id && i.Status == DelegationStatus.Pending && i.ExpiresAt > now, ct))
        {
            throw new DelegationException(DelegationException.AlreadyInvited, "This person already represents the child, was a representative before (the operator can restore it), or has an invitation waiting.");
        }

        var invitation = RepresentativeInvitation.Invite(child.Id, own!.Value, invitee.Id, now);
        db.Set<RepresentativeInvitation>().Add(invitation);
        db.Traces.Add(Trace.Of(child.Id, caller.Actor, DelegationTraceActions.RepresentativeInvited, now, invitation.Id.ToString()));
        if (invitee.Email is { } email)
        {
            var portal = new Uri(options.Value.PublicBaseUrl, "representants");
            mail.Inform(email, invitee.Id, new NoticeText(
                "Invitation à représenter un enfant sur Carnet / Invitation to represent a child",
                $"{caller.DisplayName} vous invite à devenir représentant légal de {child.DisplayName} sur Carnet. Connectez-vous à {portal} pour accepter ou refuser avant le {invitation.ExpiresAt:yyyy-MM-dd}.\n\n"
                + $"{caller.DisplayName} invites you to become a legal representative of {child.DisplayName} on Carnet. Sign in at {portal} to accept or refuse before {invitation.ExpiresAt:yyyy-MM-dd}."));
        }

        await db.SaveChangesAsync(ct);
        return invitation;
    }
}
