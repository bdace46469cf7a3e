namespace Carnet.Identifiers;

/// <summary>Input clean-up shared by the identifier parsers: people type spaces, dots and dashes.</summary>
internal static class Normalize
{
    public static string Compact(string value)
    {
        Span<char> buffer = value.Length <= 64 ? stackalloc char[value.Length] : new char[value.Length];
        var length = 0;
        foreach (var c in value)
        {
            if (c is ' ' or '\t' or '.' or '-' or '\u00A0')
            {
                continue;
            }

            buffer[length++] = char.ToUpperInvariant(c);
        }

        return new string(buffer[..length]);
    }

    public static bool AllDigits(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return value.Length > 0;
    }
}
