namespace Carnet.Records.Enrolment;

/// <summary>The two contacts confirmed at activation.</summary>
public enum ContactChannel
{
    Email,
    Mobile,
}
