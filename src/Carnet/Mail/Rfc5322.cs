using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;

namespace Carnet.Mail;

/// <summary>The parts of the Internet Message Format (RFC 5322) and of MIME header encoding (RFC 2047) the transports need.</summary>
internal static class Rfc5322
{
    /// <summary>Longest line a message may carry, CRLF excluded (RFC 5322 §2.1.1).</summary>
    public const int MaxLineOctets = 998;

    // RFC 2047 §2: an encoded-word is at most 75 characters, a line holding one at most 76. 30 bytes
    // make 40 base64 characters, 52 with "=?utf-8?B?" and "?=", leaving room for "Subject: ".
    private const int EncodedWordBytes = 30;

    private const string Atext = "!#$%&'*+-/=?^_`{|}~";

    private static readonly IdnMapping Idn = new();

    /// <summary>date-time of RFC 5322 §3.3, in UTC: <c>Mon, 05 Jan 2026 09:00:00 +0000</c>.</summary>
    public static string FormatDate(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    /// <summary>A unique msg-id (RFC 5322 §3.6.4) under the sender's domain.</summary>
    public static string NewMessageId(DateTimeOffset instant, MailAddress sender) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"<{instant.ToUniversalTime():yyyyMMddHHmmss}.{RandomNumberGenerator.GetHexString(16, lowercase: true)}@{AsciiHost(sender.Host)}>");

    /// <summary>Folds a value onto one line: a CR or LF in a header would start a new header (header injection).</summary>
    public static string SingleLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var previousWasBreak = false;
        foreach (var c in text)
        {
            var isBreak = c is '\r' or '\n';
            if (!isBreak)
            {
                builder.Append(c);
            }
            else if (!previousWasBreak)
            {
                builder.Append(' ');
            }

            previousWasBreak = isBreak;
        }

        return builder.ToString().Trim();
    }

    /// <summary>Internet messages break lines with CRLF (RFC 5322 §2.1), whatever the text was typed with.</summary>
    public static string NormalizeLineBreaks(string? text) => (text ?? "").ReplaceLineEndings("\r\n");

    /// <summary>An unstructured header value (Subject), RFC 2047 encoded when it is not plain ASCII.</summary>
    public static string EncodeUnstructured(string? text)
    {
        var value = SingleLine(text);
        return IsPlainAscii(value) && value.Length <= 900 ? value : EncodeWords(value);
    }

    /// <summary>A mailbox (RFC 5322 §3.4) with its display name quoted or encoded as needed and its domain in ASCII.</summary>
    public static string FormatMailbox(MailAddress address)
    {
        var addrSpec = address.User + "@" + AsciiHost(address.Host);
        var name = SingleLine(address.DisplayName);
        return name.Length == 0 ? addrSpec : $"{Phrase(name)} <{addrSpec}>";
    }

    private static string Phrase(string name)
    {
        if (!IsPlainAscii(name))
        {
            return EncodeWords(name);
        }

        var isAtoms = name.All(c => char.IsAsciiLetterOrDigit(c) || c == ' ' || Atext.Contains(c, StringComparison.Ordinal));
        return isAtoms
            ? name
            : "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Printable ASCII that a decoder cannot mistake for an encoded-word.</summary>
    private static bool IsPlainAscii(string value) =>
        !value.Contains("=?", StringComparison.Ordinal) && value.All(c => c is (>= ' ' and <= '~') or '\t');

    /// <summary>Base64 encoded-words (RFC 2047 §4.1), cut between characters, never inside one.</summary>
    private static string EncodeWords(string value)
    {
        var words = new List<string>();
        var chunk = new StringBuilder();
        var chunkBytes = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (chunkBytes + rune.Utf8SequenceLength > EncodedWordBytes)
            {
                words.Add(Word(chunk));
                chunk.Clear();
                chunkBytes = 0;
            }

            chunk.Append(rune.ToString());
            chunkBytes += rune.Utf8SequenceLength;
        }

        if (chunk.Length > 0)
        {
            words.Add(Word(chunk));
        }

        // Folding white space between encoded-words is dropped by decoders (RFC 2047 §6.2).
        return string.Join("\r\n ", words);

        static string Word(StringBuilder text) => "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text.ToString())) + "?=";
    }

    private static string AsciiHost(string host) => Ascii.IsValid(host) ? host : Idn.GetAscii(host);
}
