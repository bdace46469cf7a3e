using Carnet.Audit;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.Records.Notices;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carnet.Access.Delegations;

/// <summary>
/// A holder (or their representative) invites a caregiver, by the login of the caregiver's Carnet
/// account; the invitation goes by e-mail through the outbox and expires after 14 days. At most 3
/// caregivers per holder, pending invitations included: otherwise a holder could have more invitations
/// out than places, and an acceptance would fail after the fact.
/// </summary>
public sealed class InviteCaregiver(CarnetDbContext db, HolderMail mail, TimeProvider clock, IOptions<RecordsOptions> options)
{
    public sealed record Request(Guid RecordId, string CaregiverLogin);

    public async Task<CaregiverLink> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var holder = await DelegatedRecords.ManageableRecords(db, caller).FirstOrDefaultAsync(r => r.Id == request.RecordId && r.State == RecordState.Open, ct)
            ?? throw new RecordNotFoundException("No record of yours has this id: open the list of your records and try again.");
        var caregiver = await DelegationPeople.InviteeAsync(db, request.CaregiverLogin, ct);
        if (caregiver.Id == holder.Id)
        {
            throw new DelegationException(DelegationException.CannotInviteYourself, "You cannot be your own caregiver: invite someone else.");
        }

        var links = await db.Set<CaregiverLink>()
            .Where(l => l.HolderRecordId == holder.Id && (l.Status == DelegationStatus.Accepted || (l.Status == DelegationStatus.Pending && l.ExpiresAt > now)))
            .Select(l => l.CaregiverRecordId)
            .ToListAsync(ct);
        if (links.Contains(caregiver.Id))
        {
            throw new DelegationException(DelegationException.AlreadyInvited, "This person is already your caregiver or has an invitation waiting: nothing to do.");
        }

        if (links.Count >= DelegatedRecords.MaxCaregiversPerHolder)
        {
            throw new DelegationException(DelegationException.CaregiverLimitReached, "A holder has at most 3 caregivers (invitations waiting included): remove one first.");
        }

        var link = CaregiverLink.Invite(holder.Id, caregiver.Id, caller.HolderRecordId!.Value, now);
        db.Set<CaregiverLink>().Add(link);
        db.Traces.Add(Trace.Of(holder.Id, caller.Actor, DelegationTraceActions.CaregiverInvited, now, link.Id.ToString()));
        if (caregiver.Email is { } email)
        {
            var portal = new Uri(options.Value.PublicBaseUrl, "aidants");
            mail.Inform(email, caregiver.Id, new NoticeText(
                "Invitation à devenir aidant sur Carnet / Invitation to become a caregiver",
                $"{holder.DisplayName} vous invite à l'aider sur son espace Carnet. Connectez-vous à {portal} pour accepter ou refuser avant le {link.ExpiresAt:yyyy-MM-dd}.\n\n"
                + $"{holder.DisplayName} invites you to help with their Carnet record. Sign in at {portal} to accept or refuse before {link.ExpiresAt:yyyy-MM-dd}."));
        }

        await db.SaveChangesAsync(ct);
        return link;
    }
}
