namespace Carnet.Access.Delegations;

/// <summary>Where an invitation (caregiver or second representative) stands (DOMAIN.md §5).</summary>
public enum DelegationStatus
{
    Pending,
    Accepted,
    Refused,

    /// <summary>Never stored: a pending invitation past its expiry reads as expired (computed on read, no job needed).</summary>
    Expired,

    /// <summary>Ended by either side after acceptance, or withdrawn by the inviter while pending.</summary>
    Revoked,
}
