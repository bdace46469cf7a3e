namespace Carnet.Access;

/// <summary>
/// The roles a holder declares for a professional (DOMAIN.md §5). Every role sees documents hidden from
/// professionals and may block other professionals.
/// </summary>
public enum CareRole
{
    /// <summary>Médecin traitant.</summary>
    AttendingPhysician,

    /// <summary>Sage-femme référente.</summary>
    ReferenceMidwife,

    /// <summary>Pharmacien correspondant.</summary>
    CorrespondentPharmacist,

    /// <summary>A professional the holder chose to administer their record with them.</summary>
    Administrator,
}
