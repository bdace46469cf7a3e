using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace Carnet.Mail;

/// <summary>
/// Development sink: writes each e-mail as an <c>.eml</c> file (RFC 5322, UTF-8 plain text) in
/// <see cref="MailOptions.PickupDirectory"/>, named by time so the newest sorts last. Mail clients
/// open these files directly.
/// </summary>
public sealed class PickupFolderMailTransport(IOptions<MailOptions> options, TimeProvider time) : IMailTransport
{
    private readonly MailOptions _options = options.Value;

    public async Task SendAsync(MailEnvelope message, CancellationToken ct)
    {
        // Same checks as the SMTP transport, so development shows the failures production would.
        var from = MailAddresses.ParseFrom(_options.From);
        var to = MailAddresses.ParseRecipient(message.To);

        var now = time.GetUtcNow();
        var content = Format(from, to, message, now);
        var folder = new DropFolder(_options.PickupDirectory, "Carnet:Mail:PickupDirectory");
        await folder.WriteAsync(DropFolder.NewFileStem(now) + ".eml", content, ct);
    }

    private static byte[] Format(MailAddress from, MailAddress to, MailEnvelope message, DateTimeOffset now)
    {
        var body = Rfc5322.NormalizeLineBreaks(message.TextBody);
        if (!body.EndsWith("\r\n", StringComparison.Ordinal))
        {
            body += "\r\n";
        }

        var bodyBytes = Encoding.UTF8.GetBytes(body);

        // 7bit/8bit keep the file readable in a text editor; base64 only when a line is too long
        // for them (RFC 2045 §2.7–2.8: at most 998 octets per line).
        string transferEncoding;
        if (HasLineLongerThan(body, Rfc5322.MaxLineOctets))
        {
            transferEncoding = "base64";
            body = Convert.ToBase64String(bodyBytes, Base64FormattingOptions.InsertLineBreaks) + "\r\n";
        }
        else
        {
            transferEncoding = Ascii.IsValid(body) ? "7bit" : "8bit";
        }

        var eml = new StringBuilder()
            .Append("From: ").Append(Rfc5322.FormatMailbox(from)).Append("\r\n")
            .Append("To: ").Append(Rfc5322.FormatMailbox(to)).Append("\r\n")
            .Append("Subject: ").Append(Rfc5322.EncodeUnstructured(message.Subject)).Append("\r\n")
            .Append("Date: ").Append(Rfc5322.FormatDate(now)).Append("\r\n")
            .Append("Message-ID: ").Append(Rfc5322.NewMessageId(now, from)).Append("\r\n")
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n")
            .Append("Content-Transfer-Encoding: ").Append(transferEncoding).Append("\r\n")
            .Append("\r\n")
            .Append(body);
        return Encoding.UTF8.GetBytes(eml.ToString());
    }

    private static bool HasLineLongerThan(string body, int octets)
    {
        foreach (var line in body.Split("\r\n"))
        {
            if (Encoding.UTF8.GetByteCount(line) > octets)
            {
                return true;
            }
        }

        return false;
    }
}
