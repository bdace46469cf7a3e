namespace Carnet.Documents;

/// <summary>IHE XDS availability, as FHIR DocumentReference.status names it (DOMAIN.md §4).</summary>
public enum DocumentStatus
{
    /// <summary>The version in force.</summary>
    Current,

    /// <summary>Replaced by a newer version; still retrievable.</summary>
    Superseded,

    /// <summary>Deleted by the holder (their own) or by its author; the holder sees that it was.</summary>
    Deleted,
}
