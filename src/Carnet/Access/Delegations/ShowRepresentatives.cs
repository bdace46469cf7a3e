using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carnet.Access.Delegations;

/// <summary>
/// The legal representatives of a record and the second-representative invitations sent for it (for whoever
/// manages it), and the representative invitations waiting for the signed-in person. Like the caregivers'
/// lists, these name people, not health data: they are not traced.
/// </summary>
public sealed class ShowRepresentatives(CarnetDbContext db, TimeProvider clock, IOptions<RecordsOptions> options)
{
    /// <summary>One active representation; <paramref name="Name"/> is null when the representative has no Carnet record.</summary>
    public sealed record Representative(Guid Id, string? Name, RepresentationKind Kind, bool Me, DateTimeOffset Since, DateOnly? EndsOn);

    public sealed record Invitation(Guid Id, string InviteeName, DelegationStatus Status, bool SentByMe, DateTimeOffset InvitedAt, DateTimeOffset ExpiresAt);

    /// <summary><paramref name="CanInvite"/>: the caller represents this minor, so may invite a second representative.</summary>
    public sealed record Result(IReadOnlyList<Representative> Representatives, IReadOnlyList<Invitation> Invitations, bool CanInvite);

    public sealed record Waiting(Guid Id, Guid RecordId, string ChildName, DateTimeOffset InvitedAt, DateTimeOffset ExpiresAt);

    public async Task<Result> OfRecordAsync(Caller caller, Guid recordId, CancellationToken ct)
    {
        var record = await DelegatedRecords.ManageableRecords(db, caller).AsNoTracking().FirstOrDefaultAsync(r => r.Id == recordId, ct)
            ?? throw new RecordNotFoundException("No record of yours has this id: open the list of your records and try again.");
        var now = clock.GetUtcNow();
        var own = caller.HolderRecordId;
        var ownNir = await db.Records.AsNoTracking().Where(r => r.Id == own).Select(r => r.Nir).FirstOrDefaultAsync(ct);
        var representations = await db.Representations.AsNoTracking()
            .Where(p => p.RecordId == recordId && p.EndedAt == null)
            .OrderBy(p => p.StartedAt)
            .Select(p => new { p.Id, p.Kind, p.RepresentativeNir, p.StartedAt, p.EndsOn, Name = db.Records.Where(r => r.Nir == p.RepresentativeNir).Select(r => r.GivenNames + " " + r.FamilyName).FirstOrDefault() })
            .ToListAsync(ct);
        var invitations = await (from i in db.Set<RepresentativeInvitation>().AsNoTracking()
                                 join r in db.Records on i.InviteeRecordId equals r.Id
                                 where i.RecordId == recordId
                                 orderby i.InvitedAt descending
                                 select new { Invitation = i, r.GivenNames, r.FamilyName }).ToListAsync(ct);
        var representatives = representations
            .Select(p => new Representative(p.Id, p.Name, p.Kind, ownNir is not null && p.RepresentativeNir == ownNir, p.StartedAt, p.EndsOn))
            .ToList();
        var canInvite = record.Id != own && record.State == RecordState.Open && record.IsMinorOn(options.Value.Today(now))
            && representations.Exists(p => p.Kind == RepresentationKind.ParentOfMinor && ownNir is not null && p.RepresentativeNir == ownNir);
        return new Result(
            representatives,
            invitations.Select(x => new Invitation(x.Invitation.Id, $"{x.GivenNames} {x.FamilyName}", x.Invitation.StatusAt(now), x.Invitation.InvitedByRecordId == own, x.Invitation.InvitedAt, x.Invitation.ExpiresAt)).ToList(),
            canInvite);
    }

    /// <summary>The invitations to represent a child that wait for the caller's answer (pending, not expired).</summary>
    public async Task<IReadOnlyList<Waiting>> WaitingForAsync(Caller caller, CancellationToken ct)
    {
        var own = caller.Kind == CallerKind.Holder ? caller.HolderRecordId : null;
        var now = clock.GetUtcNow();
        return await (from i in db.Set<RepresentativeInvitation>().AsNoTracking()
                      join r in db.Records on i.RecordId equals r.Id
                      where i.InviteeRecordId == own && i.Status == DelegationStatus.Pending && i.ExpiresAt > now
                      orderby i.InvitedAt descending
                      select new Waiting(i.Id, i.RecordId, r.GivenNames + " " + r.FamilyName, i.InvitedAt, i.ExpiresAt)).ToListAsync(ct);
    }
}
