using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Carnet.Identifiers;

/// <summary>
/// A French social security number (NIR, or the temporary NIA): 13 characters and a 2-digit key,
/// stored normalised as 15 characters. An instance is always valid (DOMAIN.md §2).
/// </summary>
public sealed class Nir : IEquatable<Nir>
{
    public const int Length = 15;

    private Nir(string value) => Value = value;

    /// <summary>The 15 normalised characters. Personal data: never log it.</summary>
    public string Value { get; }

    /// <summary>True for a temporary number (NIA, first digit 7 or 8).</summary>
    public bool IsTemporary => Value[0] is '7' or '8';

    /// <summary>1 = male, 2 = female as recorded by the civil registry (7/8 for NIA).</summary>
    public char SexDigit => Value[0];

    public static Nir Parse(string? value, string field = "nir") =>
        TryParse(value, field, allowTemporary: false, out var nir, out var error) ? nir : throw error;

    public static Nir ParseTemporary(string? value, string field = "nia") =>
        TryParse(value, field, allowTemporary: true, out var nir, out var error) ? nir : throw error;

    /// <summary>
    /// Reads a permanent NIR or a temporary NIA, whichever it is: to find a person, whose record may be
    /// identified by either. Also used to read stored values (a corrupted row must not pass silently).
    /// </summary>
    public static Nir ParseAny(string? value, string field = "nir")
    {
        var temporary = value is not null && value.TrimStart() is { Length: > 0 } trimmed && trimmed[0] is '7' or '8';
        return TryParse(value, field, temporary, out var nir, out var error) ? nir : throw error;
    }

    public static bool TryParse(string? value, [NotNullWhen(true)] out Nir? nir) =>
        TryParse(value, "nir", allowTemporary: false, out nir, out _);

    public static bool TryParse(
        string? value,
        string field,
        bool allowTemporary,
        [NotNullWhen(true)] out Nir? nir,
        [NotNullWhen(false)] out IdentifierException? error)
    {
        nir = null;
        error = Check(value, field, allowTemporary, out var normalised);
        if (error is not null)
        {
            return false;
        }

        nir = new Nir(normalised!);
        return true;
    }

    /// <summary>key = 97 − (N mod 97), N being the 13 characters with 2A→19 and 2B→18 at the department position.</summary>
    public static int ComputeKey(ReadOnlySpan<char> first13)
    {
        if (first13.Length != 13)
        {
            throw new ArgumentException("A NIR key is computed on exactly 13 characters.", nameof(first13));
        }

        Span<char> digits = stackalloc char[13];
        first13.CopyTo(digits);
        if (digits[5] == '2' && digits[6] is 'A' or 'a')
        {
            digits[5] = '1';
            digits[6] = '9';
        }
        else if (digits[5] == '2' && digits[6] is 'B' or 'b')
        {
            digits[5] = '1';
            digits[6] = '8';
        }

        var n = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return (int)(97 - (n % 97));
    }

    private static IdentifierException? Check(string? raw, string field, bool allowTemporary, out string? normalised)
    {
        normalised = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new IdentifierException(field, "is required: enter the 15-character social security number shown on the Vitale card.");
        }

        var value = Normalize.Compact(raw);
        if (value.Length != Length)
        {
            return new IdentifierException(field, $"must have 15 characters (13 and a 2-digit key); {value.Length} were given. Copy the whole number from the Vitale card.");
        }

        var first = value[0];
        var sexAllowed = allowTemporary ? first is '7' or '8' : first is '1' or '2';
        if (!sexAllowed)
        {
            return new IdentifierException(field, allowTemporary
                ? "a temporary number (NIA) starts with 7 or 8."
                : "must start with 1 or 2 (the first digit of the number on the Vitale card).");
        }

        if (!Normalize.AllDigits(value.AsSpan(1, 4)))
        {
            return new IdentifierException(field, "characters 2 to 5 (year and month of birth) must be digits.");
        }

        var month = ((value[3] - '0') * 10) + (value[4] - '0');
        // Months 20–42 and 50–99 are issued for incomplete civil records: they are valid (DOMAIN.md §2).
        if (month is 0 or (> 12 and < 20) or (> 42 and < 50))
        {
            return new IdentifierException(field, $"month {value.Substring(3, 2)} is not a possible month of birth; check characters 4 and 5.");
        }

        var department = value.AsSpan(5, 2);
        var corsica = department is "2A" or "2B";
        if (!corsica && !Normalize.AllDigits(department))
        {
            return new IdentifierException(field, "the department (characters 6 and 7) must be digits, or 2A/2B for Corsica.");
        }

        if (!Normalize.AllDigits(value.AsSpan(7, 6)))
        {
            return new IdentifierException(field, "characters 8 to 13 (place of birth and order number) must be digits; letters are allowed only as 2A/2B at the department position.");
        }

        if (!Normalize.AllDigits(value.AsSpan(13, 2)))
        {
            return new IdentifierException(field, "the key (last 2 characters) must be digits.");
        }

        var key = int.Parse(value.AsSpan(13, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        if (key != ComputeKey(value.AsSpan(0, 13)))
        {
            return new IdentifierException(field, "the key (last 2 digits) does not match the first 13 characters: a digit was probably mistyped; check the number against the Vitale card.");
        }

        normalised = value;
        return null;
    }

    public bool Equals(Nir? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Nir other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Masked on purpose: a NIR must never reach a log line through string formatting.</summary>
    public override string ToString() => $"NIR {Value[0]}{new string('*', 12)}{Value[13..]}";

    public static bool operator ==(Nir? left, Nir? right) => Equals(left, right);

    public static bool operator !=(Nir? left, Nir? right) => !Equals(left, right);
}
