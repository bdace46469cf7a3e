namespace Carnet.Access.Delegations;

/// <summary>
/// A minor's legal representative inviting another adult to co-represent the child (DOMAIN.md §3.4:
/// "a second representative can be invited"). Accepted, it becomes a <see cref="Records.Representation"/>
/// of kind ParentOfMinor that ends at majority like the first.
/// </summary>
public sealed class RepresentativeInvitation
{
    /// <summary>An invitation not answered within 30 days expires.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private RepresentativeInvitation()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The child's record.</summary>
    public Guid RecordId { get; private set; }

    /// <summary>The inviting representative's own record.</summary>
    public Guid InvitedByRecordId { get; private set; }

    /// <summary>The invited adult's own record.</summary>
    public Guid InviteeRecordId { get; private set; }

    public DelegationStatus Status { get; private set; }

    public DateTimeOffset InvitedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>The representation created at acceptance.</summary>
    public Guid? RepresentationId { get; private set; }

    public int Version { get; private set; }

    public DelegationStatus StatusAt(DateTimeOffset now) =>
        Status == DelegationStatus.Pending && ExpiresAt <= now ? DelegationStatus.Expired : Status;

    public static RepresentativeInvitation Invite(Guid recordId, Guid invitedBy, Guid invitee, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        RecordId = recordId,
        InvitedByRecordId = invitedBy,
        InviteeRecordId = invitee,
        Status = DelegationStatus.Pending,
        InvitedAt = at,
        ExpiresAt = at + Lifetime,
    };

    public void Accept(Guid representationId, DateTimeOffset at)
    {
        EnsurePending(at);
        Status = DelegationStatus.Accepted;
        AnsweredAt = at;
        RepresentationId = representationId;
        Version++;
    }

    public void Refuse(DateTimeOffset at)
    {
        EnsurePending(at);
        Status = DelegationStatus.Refused;
        AnsweredAt = at;
        Version++;
    }

    public void End(DateTimeOffset at)
    {
        if (Status is not (DelegationStatus.Pending or DelegationStatus.Accepted))
        {
            throw new DelegationException(DelegationException.AlreadyEnded, "This invitation has already ended: there is nothing to revoke.");
        }

        Status = DelegationStatus.Revoked;
        EndedAt = at;
        Version++;
    }

    private void EnsurePending(DateTimeOffset at)
    {
        switch (StatusAt(at))
        {
            case DelegationStatus.Expired:
                throw new DelegationException(DelegationException.InvitationExpired, "This invitation has expired: ask the child's representative to invite you again.");
            case not DelegationStatus.Pending:
                throw new DelegationException(DelegationException.AlreadyAnswered, "This invitation was already answered or withdrawn: nothing changed.");
        }
    }
}
