namespace Carnet.Professionals;

/// <summary>What an establishment is, for display and demo data.</summary>
public enum EstablishmentKind
{
    Hospital,
    Laboratory,
    ImagingCentre,
    Clinic,
    HealthCentre,
    Other,
}
