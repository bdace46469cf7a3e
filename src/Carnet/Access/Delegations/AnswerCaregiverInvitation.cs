using Carnet.Audit;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Access.Delegations;

/// <summary>
/// The invited caregiver accepts or refuses. Accepting files an attestation in the holder's record; a
/// caregiver helps at most 5 people, counted on accepted links only (invitations sent to them are not
/// theirs to control, so they cannot use up their places).
/// </summary>
public sealed class AnswerCaregiverInvitation(CarnetDbContext db, Attestations attestations, TimeProvider clock)
{
    public async Task<CaregiverLink> AcceptAsync(Caller caller, Guid invitationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var link = await InvitationAsync(caller, invitationId, ct);
        var helped = await db.Set<CaregiverLink>().CountAsync(l => l.CaregiverRecordId == link.CaregiverRecordId && l.Status == DelegationStatus.Accepted, ct);
        if (helped >= DelegatedRecords.MaxHelpedPerCaregiver)
        {
            throw new DelegationException(DelegationException.HelpedLimitReached, "A caregiver helps at most 5 people: withdraw from one of them first, then accept again.");
        }

        var caregivers = await db.Set<CaregiverLink>().CountAsync(l => l.HolderRecordId == link.HolderRecordId && l.Status == DelegationStatus.Accepted, ct);
        if (caregivers >= DelegatedRecords.MaxCaregiversPerHolder)
        {
            throw new DelegationException(DelegationException.CaregiverLimitReached, "This person already has 3 caregivers: they must remove one before you can accept.");
        }

        link.Accept(now);
        db.Traces.Add(Trace.Of(link.HolderRecordId, caller.Actor, DelegationTraceActions.CaregiverAccepted, now, link.Id.ToString()));
        var (holder, caregiver) = await NamesAsync(link, ct);
        await attestations.FileAsync(link.HolderRecordId, "Attestation de désignation d'un aidant", [
            $"{caregiver} a accepté le {now:yyyy-MM-dd} d'être aidant de {holder} sur Carnet.",
            "L'aidant peut consulter les documents de l'espace et en ajouter.",
            "Il ne peut ni gérer les aidants, ni fermer l'espace, ni modifier les réglages d'accès.",
            "Le titulaire ou l'aidant peut mettre fin à cette aide à tout moment.",
        ], ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return link;
    }

    public async Task<CaregiverLink> RefuseAsync(Caller caller, Guid invitationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var link = await InvitationAsync(caller, invitationId, ct);
        link.Refuse(now);
        db.Traces.Add(Trace.Of(link.HolderRecordId, caller.Actor, DelegationTraceActions.CaregiverRefused, now, link.Id.ToString()));
        await db.SaveChangesAsync(ct);
        return link;
    }

    /// <summary>Only the invited person sees an invitation: for anyone else it does not exist.</summary>
    private async Task<CaregiverLink> InvitationAsync(Caller caller, Guid invitationId, CancellationToken ct) =>
        caller.Kind == CallerKind.Holder && caller.HolderRecordId is { } own
            ? await db.Set<CaregiverLink>().FirstOrDefaultAsync(l => l.Id == invitationId && l.CaregiverRecordId == own, ct)
                ?? throw new RecordNotFoundException("No invitation of yours has this id: open your invitations and try again.")
            : throw new RecordNotFoundException("No invitation of yours has this id: open your invitations and try again.");

    private async Task<(string Holder, string Caregiver)> NamesAsync(CaregiverLink link, CancellationToken ct)
    {
        var names = await db.Records.AsNoTracking().Where(r => r.Id == link.HolderRecordId || r.Id == link.CaregiverRecordId)
            .Select(r => new { r.Id, r.GivenNames, r.FamilyName }).ToListAsync(ct);
        string Name(Guid id) => names.Where(n => n.Id == id).Select(n => $"{n.GivenNames} {n.FamilyName}").FirstOrDefault() ?? "";
        return (Name(link.HolderRecordId), Name(link.CaregiverRecordId));
    }
}
