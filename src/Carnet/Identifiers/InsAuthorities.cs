namespace Carnet.Identifiers;

/// <summary>OIDs of the INS authorities.</summary>
public static class InsAuthorities
{
    public const string OidPrefix = "1.2.250.1.213.1.4.";

    public static string Oid(this InsAuthority authority) => authority switch
    {
        InsAuthority.InsNir => OidPrefix + "8",
        InsAuthority.InsNia => OidPrefix + "9",
        InsAuthority.TestNir => OidPrefix + "10",
        InsAuthority.DemoNir => OidPrefix + "11",
        _ => throw new ArgumentOutOfRangeException(nameof(authority), authority, "Unknown INS authority."),
    };

    public static bool IsTestOrDemo(this InsAuthority authority) => authority is InsAuthority.TestNir or InsAuthority.DemoNir;

    /// <summary>Reads an OID, with or without the <c>urn:oid:</c> prefix FHIR uses.</summary>
    public static bool TryFromOid(string? oid, out InsAuthority authority)
    {
        authority = default;
        if (oid is null)
        {
            return false;
        }

        var bare = oid.StartsWith("urn:oid:", StringComparison.Ordinal) ? oid["urn:oid:".Length..] : oid;
        switch (bare)
        {
            case OidPrefix + "8":
                authority = InsAuthority.InsNir;
                return true;
            case OidPrefix + "9":
                authority = InsAuthority.InsNia;
                return true;
            case OidPrefix + "10":
                authority = InsAuthority.TestNir;
                return true;
            case OidPrefix + "11":
                authority = InsAuthority.DemoNir;
                return true;
            default:
                return false;
        }
    }
}
