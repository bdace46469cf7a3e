using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;
using System.Text;

namespace Carnet.Mail;

/// <summary>Reads the configured sender and a message's recipient, failing the way the outbox expects.</summary>
internal static class MailAddresses
{
    /// <summary>A bad sender is an operator mistake, not a bounce: transient, so the message waits for the fix.</summary>
    public static MailAddress ParseFrom(string? from)
    {
        if (!TryParse(from, out var address) || !IsAscii(address.User))
        {
            throw new MailDeliveryException(
                "Carnet:Mail:From is not a usable e-mail address (expected e.g. \"Carnet <no-reply@example.org>\", ASCII before the @); fix the configuration. The message will be retried.",
                isPermanent: false);
        }

        return address;
    }

    /// <summary>A malformed recipient can never be delivered: permanent. The message never repeats the address (personal data).</summary>
    public static MailAddress ParseRecipient(string? to)
    {
        if (!TryParse(to, out var address) || !IsExactly(to.Trim(), address))
        {
            throw new MailDeliveryException(
                "The recipient is not a valid e-mail address; correct the address on the account. Retrying cannot help.",
                isPermanent: true);
        }

        // Without SMTPUTF8 (RFC 6531) System.Net.Mail refuses non-ASCII before the @; the transports
        // stay on the 7-bit path so that headers are always RFC 2047 encoded and predictable.
        if (!IsAscii(address.User))
        {
            throw new MailDeliveryException(
                "The recipient address has non-ASCII characters before the @, which Carnet cannot send (no SMTPUTF8); ask for another address. Retrying cannot help.",
                isPermanent: true);
        }

        return address;
    }

    private static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out MailAddress? address)
    {
        address = null;
        return !string.IsNullOrWhiteSpace(value) && MailAddress.TryCreate(value.Trim(), out address);
    }

    /// <summary>
    /// MailAddress is lenient: it reads "jeanne martin@example.fr" as the display name "jeanne" and
    /// the address "martin@example.fr", and "a@example.fr, b@example.fr" as "b@example.fr". A
    /// recipient must be exactly one address, bare or as "Name &lt;address&gt;".
    /// </summary>
    private static bool IsExactly(string value, MailAddress address) =>
        address.DisplayName.Length == 0
            ? string.Equals(value, address.Address, StringComparison.Ordinal)
            : value.EndsWith("<" + address.Address + ">", StringComparison.Ordinal) && !address.DisplayName.Contains('@', StringComparison.Ordinal);

    private static bool IsAscii(string value) => Ascii.IsValid(value);
}
