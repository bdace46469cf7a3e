using System.Diagnostics.CodeAnalysis;

namespace Carnet.Identifiers;

/// <summary>An ADELI number: 9 characters (digits, with 2A/2B possible for Corsica). Format check only (DOMAIN.md §2).</summary>
public sealed record Adeli
{
    private Adeli(string value) => Value = value;

    public string Value { get; }

    public string IdNatPs => "0" + Value;

    public static Adeli Parse(string? value, string field = "adeli") =>
        TryParse(value, field, out var adeli, out var error) ? adeli : throw error;

    public static bool TryParse(string? value, string field, [NotNullWhen(true)] out Adeli? adeli, [NotNullWhen(false)] out IdentifierException? error)
    {
        adeli = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = new IdentifierException(field, "is required: enter the 9-character ADELI number.");
            return false;
        }

        var compact = Normalize.Compact(value);
        if (compact.Length != 9 || !IsDigitsOrCorsica(compact))
        {
            error = new IdentifierException(field, "must be 9 digits (2A or 2B allowed at the department position); check the number on the professional's registration.");
            return false;
        }

        adeli = new Adeli(compact);
        error = null;
        return true;
    }

    internal static bool IsDigitsOrCorsica(string nine) =>
        Normalize.AllDigits(nine) || (nine[0] == '2' && nine[1] is 'A' or 'B' && Normalize.AllDigits(nine.AsSpan(2)));

    public override string ToString() => Value;
}
