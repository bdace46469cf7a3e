using System.Diagnostics.CodeAnalysis;

namespace Carnet.Identifiers;

/// <summary>
/// An RPPS number: exactly 11 digits. Its national professional id is <c>"8" + RPPS</c>.
/// The Luhn digit is not reliable on RPPS numbers, so it is only a warning (DOMAIN.md §2).
/// </summary>
public sealed record Rpps
{
    private Rpps(string value) => Value = value;

    public string Value { get; }

    public string IdNatPs => "8" + Value;

    /// <summary>False when the Luhn check fails: worth a warning to the person typing, never a refusal.</summary>
    public bool PassesLuhn => Luhn.IsValid(Value);

    public static Rpps Parse(string? value, string field = "rpps") =>
        TryParse(value, field, out var rpps, out var error) ? rpps : throw error;

    public static bool TryParse(string? value, string field, [NotNullWhen(true)] out Rpps? rpps, [NotNullWhen(false)] out IdentifierException? error)
    {
        rpps = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = new IdentifierException(field, "is required: enter the 11-digit RPPS number shown on the professional card.");
            return false;
        }

        var compact = Normalize.Compact(value);
        if (compact.Length != 11 || !Normalize.AllDigits(compact))
        {
            error = new IdentifierException(field, $"must be exactly 11 digits; '{compact.Length}' characters were given. An ADELI number has 9 characters: use the ADELI field for it.");
            return false;
        }

        rpps = new Rpps(compact);
        error = null;
        return true;
    }

    public override string ToString() => Value;
}
