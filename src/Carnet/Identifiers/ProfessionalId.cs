using System.Diagnostics.CodeAnalysis;

namespace Carnet.Identifiers;

/// <summary>
/// The national professional identifier <c>idNat_PS</c> (OID 1.2.250.1.71.4.2.1): <c>"8" + RPPS</c>
/// or <c>"0" + ADELI</c>. Professionals are known by it in traces, policies and FHIR.
/// </summary>
public sealed record ProfessionalId
{
    public const string Oid = "1.2.250.1.71.4.2.1";

    private ProfessionalId(string value, Rpps? rpps, Adeli? adeli)
    {
        Value = value;
        Rpps = rpps;
        Adeli = adeli;
    }

    public string Value { get; }

    public Rpps? Rpps { get; }

    public Adeli? Adeli { get; }

    public static ProfessionalId FromRpps(Rpps rpps) => new(rpps.IdNatPs, rpps, null);

    public static ProfessionalId FromAdeli(Adeli adeli) => new(adeli.IdNatPs, null, adeli);

    public static ProfessionalId Parse(string? value, string field = "idNat_PS") =>
        TryParse(value, field, out var id, out var error) ? id : throw error;

    public static bool TryParse(string? value, string field, [NotNullWhen(true)] out ProfessionalId? id, [NotNullWhen(false)] out IdentifierException? error)
    {
        id = null;
        var compact = value is null ? string.Empty : Normalize.Compact(value);
        if (compact.Length == 12 && compact[0] == '8')
        {
            if (Identifiers.Rpps.TryParse(compact[1..], field, out var rpps, out error))
            {
                id = FromRpps(rpps);
                return true;
            }

            return false;
        }

        if (compact.Length == 10 && compact[0] == '0')
        {
            if (Identifiers.Adeli.TryParse(compact[1..], field, out var adeli, out error))
            {
                id = FromAdeli(adeli);
                return true;
            }

            return false;
        }

        error = new IdentifierException(field, "must be \"8\" followed by the 11-digit RPPS number, or \"0\" followed by the 9-character ADELI number.");
        return false;
    }

    public override string ToString() => Value;
}
