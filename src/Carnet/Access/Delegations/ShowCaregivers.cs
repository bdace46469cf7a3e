using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Access.Delegations;

/// <summary>
/// The caregivers of a record (for whoever manages it), and, for a signed-in person, the people they
/// help and the invitations waiting for them. Expired invitations read as expired, computed here.
/// These lists name people, not health data: they are not traced.
/// </summary>
public sealed class ShowCaregivers(CarnetDbContext db, TimeProvider clock)
{
    public sealed record Caregiver(Guid Id, Guid CaregiverRecordId, string Name, DelegationStatus Status, DateTimeOffset InvitedAt, DateTimeOffset ExpiresAt, DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt);

    public sealed record Helped(Guid Id, Guid RecordId, string Name, DelegationStatus Status, DateTimeOffset InvitedAt, DateTimeOffset ExpiresAt);

    public async Task<IReadOnlyList<Caregiver>> OfRecordAsync(Caller caller, Guid recordId, CancellationToken ct)
    {
        if (!await DelegatedRecords.ManageableRecords(db, caller).AnyAsync(r => r.Id == recordId, ct))
        {
            throw new RecordNotFoundException("No record of yours has this id: open the list of your records and try again.");
        }

        var now = clock.GetUtcNow();
        var rows = await (from l in db.Set<CaregiverLink>().AsNoTracking()
                          join r in db.Records on l.CaregiverRecordId equals r.Id
                          where l.HolderRecordId == recordId
                          orderby l.InvitedAt descending
                          select new { Link = l, r.GivenNames, r.FamilyName }).ToListAsync(ct);
        return rows.Select(x => new Caregiver(x.Link.Id, x.Link.CaregiverRecordId, $"{x.GivenNames} {x.FamilyName}", x.Link.StatusAt(now), x.Link.InvitedAt, x.Link.ExpiresAt, x.Link.AnsweredAt, x.Link.EndedAt)).ToList();
    }

    /// <summary>The people the caller helps (accepted) and the invitations waiting for them (pending, not expired).</summary>
    public async Task<IReadOnlyList<Helped>> HelpedAsync(Caller caller, CancellationToken ct)
    {
        var own = caller.Kind == CallerKind.Holder ? caller.HolderRecordId : null;
        var now = clock.GetUtcNow();
        var rows = await (from l in db.Set<CaregiverLink>().AsNoTracking()
                          join r in db.Records on l.HolderRecordId equals r.Id
                          where l.CaregiverRecordId == own && (l.Status == DelegationStatus.Accepted || (l.Status == DelegationStatus.Pending && l.ExpiresAt > now))
                          orderby l.InvitedAt descending
                          select new { Link = l, r.GivenNames, r.FamilyName }).ToListAsync(ct);
        return rows.Select(x => new Helped(x.Link.Id, x.Link.HolderRecordId, $"{x.GivenNames} {x.FamilyName}", x.Link.StatusAt(now), x.Link.InvitedAt, x.Link.ExpiresAt)).ToList();
    }
}
