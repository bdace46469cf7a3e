namespace Carnet.Web.Portal.Pages.Pro;

/// <summary>A patient as the professional types them (INS and identity traits), and what the consent and emergency forms add.</summary>
public sealed class PatientForm
{
    public string? Nir { get; set; }

    /// <summary>The last digits of the INS authority's OID: 8 (INS-NIR), 9 (INS-NIA), 10 and 11 (test, demo).</summary>
    public string? Authority { get; set; }

    public string? FamilyName { get; set; }

    public string? GivenName { get; set; }

    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    /// <summary>F or M.</summary>
    public string? Sex { get; set; }

    /// <summary>The consent form: the patient gave their consent.</summary>
    public bool Given { get; set; }

    /// <summary>The emergency form: why (OpenEmergencyAccess.Reasons).</summary>
    public string? Reason { get; set; }
}
