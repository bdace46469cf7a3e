namespace Carnet.Access;

/// <summary>The roles a holder declares for a professional (DOMAIN.md §5).</summary>
public enum CareRole
{
    /// <summary>Médecin traitant.</summary>
    AttendingPhysician,

    /// <summary>Sage-femme référente.</summary>
    ReferenceMidwife,

    /// <summary>Pharmacien correspondant.</summary>
    CorrespondentPharmacist,
}
