namespace Carnet.Access.Delegations;

/// <summary>A delegation step was refused. <see cref="Code"/> is stable; the message says what to do next.</summary>
public sealed class DelegationException : InvalidOperationException
{
    public const string CaregiverLimitReached = "caregiver_limit_reached";
    public const string HelpedLimitReached = "helped_limit_reached";
    public const string InvitationExpired = "invitation_expired";
    public const string AlreadyAnswered = "invitation_already_answered";
    public const string AlreadyEnded = "delegation_already_ended";
    public const string AlreadyInvited = "already_invited";
    public const string InviteeNotFound = "invitee_not_found";
    public const string CannotInviteYourself = "cannot_invite_yourself";
    public const string NotAMinor = "not_a_minor";
    public const string NotAnAdult = "not_an_adult";

    public DelegationException(string code, string message)
        : base(message) => Code = code;

    public DelegationException()
        : this("delegation_refused", "This change of delegation is not possible.")
    {
    }

    public DelegationException(string message)
        : this("delegation_refused", message)
    {
    }

    public DelegationException(string message, Exception innerException)
        : base(message, innerException) => Code = "delegation_refused";

    public string Code { get; }

    /// <summary>The HTTP status: an unknown invitee is a 404, a limit or a state a 409, the rest 422.</summary>
    public int Status => Code switch
    {
        InviteeNotFound => 404,
        CaregiverLimitReached or HelpedLimitReached or AlreadyAnswered or AlreadyEnded or AlreadyInvited or InvitationExpired => 409,
        _ => 422,
    };
}
