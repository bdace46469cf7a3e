namespace Carnet.Access;

/// <summary>
/// Why a professional consults a record, as their software states it (claim <c>purpose_of_use</c> of the
/// acting-professional assertion; HL7 v3 PurposeOfUse codes or Carnet's words). Access for an insurance
/// contract, for employment or for anything requiring an assessment of the person's health is forbidden
/// even with the holder's consent (CSP L.1111-18): the gate then sees nothing, as if the record were absent.
/// </summary>
public static class PurposeOfUse
{
    public const string Claim = "purpose_of_use";

    /// <summary>Purposes refused whatever the consent: HL7 v3 COVERAGE, ELIG, HPAYMT, CLMATTCH, HMARKT, EMPL… and Carnet's own words.</summary>
    private static readonly HashSet<string> Forbidden = new(StringComparer.OrdinalIgnoreCase)
    {
        "insurance", "employment", "health_assessment", "occupational_health",
        "COVERAGE", "COVAUTH", "ELIG", "HPAYMT", "CLMATTCH", "HMARKT", "EMPL", "PRECLAIM",
    };

    /// <summary>Purposes of care Carnet accepts (HL7 v3 TREAT, ETREAT, BTG, and Carnet's words); absent means care.</summary>
    private static readonly HashSet<string> Care = new(StringComparer.OrdinalIgnoreCase) { "TREAT", "ETREAT", "BTG", "care", "emergency" };

    public static bool IsForbidden(string? purpose) => purpose is not null && Forbidden.Contains(purpose.Trim());

    /// <summary>Whether Carnet knows the purpose: one of care (allowed) or a forbidden one (refused silently, as absence). Anything else is refused at the door.</summary>
    public static bool IsKnown(string purpose) => Care.Contains(purpose) || Forbidden.Contains(purpose);
}
