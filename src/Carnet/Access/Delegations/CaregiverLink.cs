namespace Carnet.Access.Delegations;

/// <summary>
/// A caregiver (aidant) invited by a holder to help with their record (DOMAIN.md §1, §5). Both people
/// are known by their own record: a caregiver is an activated Carnet holder, and a signed-in holder's
/// identity is their record (<c>Caller.HolderRecordId</c>).
/// </summary>
public sealed class CaregiverLink
{
    /// <summary>An invitation not answered within 14 days expires.</summary>
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(14);

    private CaregiverLink()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The record of the person helped.</summary>
    public Guid HolderRecordId { get; private set; }

    /// <summary>The caregiver's own record.</summary>
    public Guid CaregiverRecordId { get; private set; }

    public Guid InvitedByRecordId { get; private set; }

    /// <summary>Stored status: Pending, Accepted, Refused or Revoked; see <see cref="StatusAt"/> for expiry.</summary>
    public DelegationStatus Status { get; private set; }

    public DateTimeOffset InvitedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>"holder" or "caregiver": who ended it.</summary>
    public string? EndedBy { get; private set; }

    /// <summary>Optimistic concurrency: an answer and a revocation may cross.</summary>
    public int Version { get; private set; }

    public DelegationStatus StatusAt(DateTimeOffset now) =>
        Status == DelegationStatus.Pending && ExpiresAt <= now ? DelegationStatus.Expired : Status;

    public static CaregiverLink Invite(Guid holderRecordId, Guid caregiverRecordId, Guid invitedBy, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        HolderRecordId = holderRecordId,
        CaregiverRecordId = caregiverRecordId,
        InvitedByRecordId = invitedBy,
        Status = DelegationStatus.Pending,
        InvitedAt = at,
        ExpiresAt = at + InvitationLifetime,
    };

    public void Accept(DateTimeOffset at) => Answer(DelegationStatus.Accepted, at);

    public void Refuse(DateTimeOffset at) => Answer(DelegationStatus.Refused, at);

    public void End(string by, DateTimeOffset at)
    {
        if (Status is not (DelegationStatus.Pending or DelegationStatus.Accepted))
        {
            throw new DelegationException(DelegationException.AlreadyEnded, "This caregiver link has already ended: there is nothing to revoke.");
        }

        Status = DelegationStatus.Revoked;
        EndedAt = at;
        EndedBy = by;
        Version++;
    }

    private void Answer(DelegationStatus answer, DateTimeOffset at)
    {
        switch (StatusAt(at))
        {
            case DelegationStatus.Expired:
                throw new DelegationException(DelegationException.InvitationExpired, "This invitation has expired: ask the person to invite you again.");
            case not DelegationStatus.Pending:
                throw new DelegationException(DelegationException.AlreadyAnswered, "This invitation was already answered or withdrawn: nothing changed.");
        }

        Status = answer;
        AnsweredAt = at;
        Version++;
    }
}
