namespace Carnet.Professionals;

/// <summary>What an establishment is, for display and demo data.</summary>
public enum EstablishmentKind
{
    Hospital,
    Laboratory,
    ImagingCentre,
    Clinic,
    HealthCentre,

    /// <summary>A SAMU medical regulation centre (centre 15): the only software that may call in centre_15 mode.</summary>
    RegulationCentre,
    Other,
}
