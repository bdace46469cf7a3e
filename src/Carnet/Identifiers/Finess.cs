using System.Diagnostics.CodeAnalysis;

namespace Carnet.Identifiers;

/// <summary>
/// A FINESS number of an establishment: 9 characters; when all digits, the last one is a Luhn
/// check digit (DOMAIN.md §2). Corsican numbers start with 2A/2B and carry no Luhn check.
/// </summary>
public sealed record Finess
{
    private Finess(string value) => Value = value;

    public string Value { get; }

    public static Finess Parse(string? value, string field = "finess") =>
        TryParse(value, field, out var finess, out var error) ? finess : throw error;

    public static bool TryParse(string? value, string field, [NotNullWhen(true)] out Finess? finess, [NotNullWhen(false)] out IdentifierException? error)
    {
        finess = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = new IdentifierException(field, "is required: enter the establishment's 9-character FINESS number.");
            return false;
        }

        var compact = Normalize.Compact(value);
        if (compact.Length != 9 || !Adeli.IsDigitsOrCorsica(compact))
        {
            error = new IdentifierException(field, "must be 9 digits (2A or 2B allowed at the start for Corsica); check it in the FINESS directory.");
            return false;
        }

        if (Normalize.AllDigits(compact) && !Luhn.IsValid(compact))
        {
            error = new IdentifierException(field, "the check digit (last digit) does not match: a digit was probably mistyped; check it in the FINESS directory.");
            return false;
        }

        finess = new Finess(compact);
        error = null;
        return true;
    }

    public override string ToString() => Value;
}
