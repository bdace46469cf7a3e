using System.Diagnostics.CodeAnalysis;

namespace Carnet.Identifiers;

/// <summary>
/// The national health identifier: a NIR (or NIA) qualified by its assigning authority. It names a
/// record in every interface (DOMAIN.md §2, §9).
/// </summary>
public sealed record Ins(Nir Nir, InsAuthority Authority)
{
    public string System => "urn:oid:" + Authority.Oid();

    /// <summary>
    /// Parses a system and a value, as in a FHIR identifier or a <c>system|value</c> search token.
    /// Test and demo authorities are refused unless <paramref name="allowTestAuthorities"/> is set
    /// (development and test modes only).
    /// </summary>
    public static Ins Parse(string? system, string? value, bool allowTestAuthorities, string field = "ins") =>
        TryParse(system, value, allowTestAuthorities, field, out var ins, out var error) ? ins : throw error;

    public static bool TryParse(
        string? system,
        string? value,
        bool allowTestAuthorities,
        string field,
        [NotNullWhen(true)] out Ins? ins,
        [NotNullWhen(false)] out IdentifierException? error)
    {
        ins = null;
        if (!InsAuthorities.TryFromOid(system, out var authority))
        {
            error = new IdentifierException(field, $"the identifier system must be an INS authority: urn:oid:{InsAuthorities.OidPrefix}8 (INS-NIR) or urn:oid:{InsAuthorities.OidPrefix}9 (INS-NIA).");
            return false;
        }

        if (authority.IsTestOrDemo() && !allowTestAuthorities)
        {
            error = new IdentifierException(field, $"the test and demo INS authorities ({InsAuthorities.OidPrefix}10 and .11) are refused in production; use urn:oid:{InsAuthorities.OidPrefix}8.");
            return false;
        }

        if (!Nir.TryParse(value, field, authority == InsAuthority.InsNia, out var nir, out error))
        {
            return false;
        }

        ins = new Ins(nir, authority);
        return true;
    }

    /// <summary>Parses a FHIR token <c>urn:oid:1.2.250.1.213.1.4.8|&lt;NIR&gt;</c>.</summary>
    public static Ins ParseToken(string? token, bool allowTestAuthorities, string field = "patient.identifier")
    {
        var bar = token?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        if (token is null || bar < 0)
        {
            throw new IdentifierException(field, $"must be written system|value, for example urn:oid:{InsAuthorities.OidPrefix}8|<15-character NIR>.");
        }

        return Parse(token[..bar], token[(bar + 1)..], allowTestAuthorities, field);
    }

    public override string ToString() => $"INS {Authority} {Nir}";
}
