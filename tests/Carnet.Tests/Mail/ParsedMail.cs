using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Carnet.Tests.Mail;

/// <summary>
/// Reads a single-part text message the way a mail client does: unfolds headers, decodes RFC 2047
/// encoded-words and the body's Content-Transfer-Encoding (RFC 2045) in its declared charset.
/// </summary>
public sealed partial class ParsedMail
{
    private readonly List<KeyValuePair<string, string>> _headers;

    private ParsedMail(List<KeyValuePair<string, string>> headers, string rawBody)
    {
        _headers = headers;
        RawBody = rawBody;
    }

    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

    /// <summary>The body as transmitted (still quoted-printable or base64).</summary>
    public string RawBody { get; }

    public string? Subject => DecodedHeader("Subject");

    public string TextBody => DecodeBody();

    public static ParsedMail Parse(string message)
    {
        var split = message.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        split.ShouldBeGreaterThan(0, "a message has headers, an empty line and a body (RFC 5322 §2.1)");
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in message[..split].Split("\r\n"))
        {
            if (line.StartsWith(' ') || line.StartsWith('\t'))
            {
                // RFC 5322 §2.2.3: unfolding removes the CRLF, keeps the white space.
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + line);
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            colon.ShouldBeGreaterThan(0, $"header line without a colon: {line}");
            headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }

        return new ParsedMail(headers, message[(split + 4)..]);
    }

    /// <summary>The unfolded value, as on the wire.</summary>
    public string? Header(string name) =>
        _headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).SingleOrDefault();

    public string? DecodedHeader(string name) => Header(name) is { } value ? DecodeWords(value) : null;

    /// <summary>RFC 2047 §6.2: encoded-words are decoded and the white space between two of them dropped.</summary>
    public static string DecodeWords(string value)
    {
        var joined = BetweenWords().Replace(value, "?==?");
        return EncodedWord().Replace(joined, m =>
        {
            var encoding = Encoding.GetEncoding(m.Groups["charset"].Value);
            var text = m.Groups["text"].Value;
            var bytes = m.Groups["encoding"].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(text)
                : DecodeQuotedPrintable(text.Replace('_', ' '));
            return encoding.GetString(bytes);
        });
    }

    private string DecodeBody()
    {
        var contentType = Header("Content-Type") ?? "text/plain; charset=us-ascii";
        var charset = Charset().Match(contentType) is { Success: true } m ? m.Groups["charset"].Value : "us-ascii";
        var encoding = Encoding.GetEncoding(charset);
        return (Header("Content-Transfer-Encoding") ?? "7bit").ToLowerInvariant() switch
        {
            "quoted-printable" => encoding.GetString(DecodeQuotedPrintable(RawBody)),
            "base64" => encoding.GetString(Convert.FromBase64String(string.Concat(RawBody.Where(c => !char.IsWhiteSpace(c))))),
            "7bit" or "8bit" => RawBody,
            var other => throw new InvalidOperationException($"Unexpected Content-Transfer-Encoding {other}."),
        };
    }

    /// <summary>RFC 2045 §6.7: "=XX" is a byte, "=" at the end of a line is a soft line break.</summary>
    private static byte[] DecodeQuotedPrintable(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '=')
            {
                text[i].ShouldBeLessThan((char)128, "quoted-printable text is ASCII");
                bytes.Add((byte)text[i]);
            }
            else if (text.AsSpan(i + 1).StartsWith("\r\n"))
            {
                i += 2;
            }
            else
            {
                bytes.Add(byte.Parse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex(@"=\?(?<charset>[^?*]+)(\*[^?]*)?\?(?<encoding>[BbQq])\?(?<text>[^?]*)\?=", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"\?=[ \t]+=\?", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BetweenWords();

    [GeneratedRegex(@"charset=""?(?<charset>[^"";\s]+)""?", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Charset();
}
