namespace Carnet.Access.Delegations;

/// <summary>The delegation steps traced on the record concerned. Stable strings: they are stored.</summary>
public static class DelegationTraceActions
{
    public const string CaregiverInvited = "caregiver.invited";
    public const string CaregiverAccepted = "caregiver.accepted";
    public const string CaregiverRefused = "caregiver.refused";
    public const string CaregiverRevoked = "caregiver.revoked";
    public const string CaregiverWithdrew = "caregiver.withdrew";
    public const string CaregiversListed = "caregivers.listed";
    public const string RepresentativeInvited = "representative.invited";
    public const string RepresentativeAccepted = "representative.accepted";
    public const string RepresentativeRefused = "representative.refused";
    public const string RepresentativeRevoked = "representative.revoked";
    public const string GuardianshipRegistered = "guardianship.registered";
    public const string GuardianshipEnded = "guardianship.ended";
}
