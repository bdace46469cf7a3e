using System.Net.Mail;

namespace Carnet.Records;

/// <summary>Checks and normalises e-mail addresses and mobile numbers, for imports and activation alike.</summary>
public static class ContactDetails
{
    public static bool TryNormaliseEmail(string? value, out string email)
    {
        email = "";
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 254
            || !MailAddress.TryCreate(trimmed, out var address)
            || !string.Equals(address.Address, trimmed, StringComparison.Ordinal)
            || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        email = address.Address;
        return true;
    }

    /// <summary>Normalises to E.164: French national numbers (0X XX XX XX XX) become +33X…</summary>
    public static bool TryNormaliseMobile(string? value, out string e164)
    {
        e164 = "";
        if (string.IsNullOrWhiteSpace(value) || value.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '.' or '-' or '+' or '(' or ')')))
        {
            return false;
        }

        var trimmed = value.Trim();
        var digits = new string([.. trimmed.Where(char.IsAsciiDigit)]);
        if (trimmed[0] != '+' && !trimmed.StartsWith("00", StringComparison.Ordinal))
        {
            if (digits.Length == 10 && digits[0] == '0')
            {
                e164 = "+33" + digits[1..];
                return true;
            }

            return false;
        }

        var number = trimmed[0] == '+' ? digits : digits[2..];
        if (number.Length is < 8 or > 15 || number[0] == '0')
        {
            return false;
        }

        e164 = "+" + number;
        return true;
    }

    /// <summary>For screens: j•••@example.org, so a person recognises their address without it being shown whole.</summary>
    public static string MaskEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 1 ? "•••" + email[Math.Max(at, 0)..] : email[0] + "•••" + email[at..];
    }

    /// <summary>For screens: +33 6 •• •• •• 78.</summary>
    public static string MaskMobile(string e164) => e164 switch
    {
        { Length: <= 5 } => "••••",
        _ when e164.StartsWith("+33", StringComparison.Ordinal) => $"+33 {e164[3]} •• •• •• {e164[^2..]}",
        _ => $"{e164[..4]} •• •• •• {e164[^2..]}",
    };
}
