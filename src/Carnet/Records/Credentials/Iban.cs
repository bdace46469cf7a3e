namespace Carnet.Records.Credentials;

/// <summary>The ISO 13616 IBAN check: country code, 2 check digits, then 11 to 30 letters or digits.</summary>
internal static class Iban
{
    private const int MinimumLength = 4 + 11;
    private const int MaximumLength = 4 + 30;

    /// <summary>True for a well-formed IBAN whose check digits pass ISO 7064 mod 97-10; separators are ignored.</summary>
    public static bool IsValid(string value)
    {
        Span<char> compact = stackalloc char[MaximumLength];
        var length = 0;
        foreach (var c in value)
        {
            if (c is ' ' or '.' or '-' or '_')
            {
                continue;
            }

            if (length == MaximumLength || !char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }

            compact[length++] = char.ToUpperInvariant(c);
        }

        var iban = compact[..length];
        if (length < MinimumLength
            || !char.IsAsciiLetterUpper(iban[0]) || !char.IsAsciiLetterUpper(iban[1])
            || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]))
        {
            return false;
        }

        // Move the first four characters to the end, read letters as 10..35, and the number mod 97 must be 1.
        var remainder = 0;
        for (var i = 0; i < length; i++)
        {
            var c = iban[(i + 4) % length];
            remainder = char.IsAsciiDigit(c)
                ? ((remainder * 10) + (c - '0')) % 97
                : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder == 1;
    }
}
