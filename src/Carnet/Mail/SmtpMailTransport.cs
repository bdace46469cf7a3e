using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Carnet.Mail;

/// <summary>
/// Sends e-mail through an SMTP server with System.Net.Mail (MailKit is not available, TOOLCHAIN.md).
/// Failures become <see cref="MailDeliveryException"/>s that name the server and the setting to
/// check, never the recipient or the content: they end up in logs.
/// </summary>
public sealed partial class SmtpMailTransport(IOptions<MailOptions> options, TimeProvider time) : IMailTransport
{
    private const string Retried = "The message will be retried.";

    /// <summary>
    /// Enhanced status codes that blame the recipient's address or mailbox (RFC 3463 §3.2–3.3,
    /// RFC 7505 §4.2): bad mailbox, bad system, bad syntax, moved, null MX, disabled. X.1.7 and
    /// X.1.8 blame the sender and are not here.
    /// </summary>
    private static readonly FrozenSet<string> BadRecipient =
        FrozenSet.Create(StringComparer.Ordinal, "5.1.1", "5.1.2", "5.1.3", "5.1.6", "5.1.10", "5.2.1");

    private readonly MailOptions _options = options.Value;

    public async Task SendAsync(MailEnvelope message, CancellationToken ct)
    {
        var smtp = _options.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host) || smtp.Port is < 1 or > 65535)
        {
            throw new MailDeliveryException(
                $"Carnet:Mail:Smtp:Host/Port do not name an SMTP server; set them. {Retried}",
                isPermanent: false);
        }

        var from = MailAddresses.ParseFrom(_options.From);
        var to = MailAddresses.ParseRecipient(message.To);
        var server = string.Create(CultureInfo.InvariantCulture, $"{smtp.Host}:{smtp.Port}");

        using var mail = Compose(from, to, message, time.GetUtcNow());
        var timeout = TimeSpan.FromSeconds(Math.Max(1, smtp.TimeoutSeconds));

        // A new client per message: SmtpClient sends one message at a time and holds no pool worth keeping.
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = smtp.Security == SmtpSecurity.StartTls,
            Timeout = (int)timeout.TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        // On .NET 10 Timeout also bounds SendMailAsync (it throws a bare "timed out" SmtpException);
        // the deadline token makes the bound explicit, and either way an exception at or after the
        // deadline is reported as a timeout. Cancelling aborts the connection.
        var started = time.GetTimestamp();
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        try
        {
            await client.SendMailAsync(mail, linked.Token);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && (deadline.IsCancellationRequested || time.GetElapsedTime(started) >= timeout))
        {
            throw new MailDeliveryException(
                $"SMTP server {server} did not complete the exchange within {timeout.TotalSeconds:0} s; check Carnet:Mail:Smtp:Host/Port point to a reachable SMTP server (a firewall that drops packets looks like this). {Retried}",
                isPermanent: false,
                SafeCause(e));
        }
        catch (SmtpFailedRecipientException e)
        {
            throw RecipientRefused(e, server);
        }
        catch (SmtpException e)
        {
            throw Failed(e, server, smtp);
        }
        catch (AuthenticationException e)
        {
            throw TlsFailed(e, server, smtp);
        }
    }

    private static MailMessage Compose(MailAddress from, MailAddress to, MailEnvelope message, DateTimeOffset now)
    {
        // 7-bit safe on the wire whatever the server: the subject becomes RFC 2047 encoded-words and
        // the body quoted-printable, both declaring UTF-8, so "é" arrives as "é".
        var mail = new MailMessage
        {
            From = from,
            Subject = Rfc5322.SingleLine(message.Subject),
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            Body = Rfc5322.NormalizeLineBreaks(message.TextBody),
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.QuotedPrintable,
            IsBodyHtml = false,
        };
        mail.To.Add(to);

        // System.Net.Mail adds no Message-ID (RFC 5322 §3.6.4 says SHOULD; spam filters count it).
        // It does stamp Date itself, from the system clock, overwriting any Date header given.
        mail.Headers.Add("Message-ID", Rfc5322.NewMessageId(now, from));
        return mail;
    }

    private static MailDeliveryException RecipientRefused(SmtpFailedRecipientException e, string server)
    {
        var status = (int)e.StatusCode;
        var reply = Reply(e);

        // RFC 5321 §4.5.3.1.10: a 552 (mailbox full) on RCPT is to be treated as temporary.
        if (status is >= 400 and < 500 or 552)
        {
            return new MailDeliveryException(
                $"SMTP server {server} temporarily refused the recipient ({reply}): greylisting, a full mailbox or a busy server. {Retried}",
                isPermanent: false);
        }

        // 5.7.x (RFC 3463 §3.8) is security or policy, most often "relay access denied" because
        // Carnet did not authenticate: a configuration mistake must not bounce every address.
        if (status >= 500 && EnhancedCode(e)?.StartsWith("5.7.", StringComparison.Ordinal) == true)
        {
            return new MailDeliveryException(
                $"SMTP server {server} refused the recipient for a security or policy reason ({reply}), typically relaying without authentication; check Carnet:Mail:Smtp:UserName/Password and that the server relays for Carnet:Mail:From. Treated as transient. {Retried}",
                isPermanent: false);
        }

        if (status >= 500)
        {
            return RecipientRejected(server, reply);
        }

        return new MailDeliveryException($"SMTP server {server} refused the recipient ({reply}). {Retried}", isPermanent: false);
    }

    private static MailDeliveryException RecipientRejected(string server, string reply) =>
        new(
            $"SMTP server {server} rejected the recipient ({reply}): the address does not exist or cannot receive mail. Retrying cannot help; the address must be corrected.",
            isPermanent: true);

    private static MailDeliveryException Failed(SmtpException e, string server, SmtpOptions smtp)
    {
        var cause = SafeCause(e);
        if (cause is SocketException socket)
        {
            return new MailDeliveryException(SocketProblem(socket.SocketErrorCode, server, smtp.Host), isPermanent: false, socket);
        }

        if (cause is AuthenticationException tls)
        {
            return TlsFailed(tls, server, smtp);
        }

        if (cause is IOException)
        {
            return new MailDeliveryException(
                $"The connection to SMTP server {server} was lost during the exchange; check the server is healthy and that Carnet:Mail:Smtp:Port is an SMTP (not SMTPS/465) port. {Retried}",
                isPermanent: false,
                cause);
        }

        var status = (int)e.StatusCode;
        var reply = Reply(e);

        // System.Net.Mail only turns 450, 452 and 550–553 at RCPT into SmtpFailedRecipientException;
        // any other refusal (554 "user unknown", say) arrives here, so the enhanced code decides.
        if (status is >= 500 and < 600 && EnhancedCode(e) is { } enhanced && BadRecipient.Contains(enhanced))
        {
            return RecipientRejected(server, reply);
        }

        var message = status switch
        {
            // 530: "authentication required" or "must issue STARTTLS first" (RFC 4954 §6, RFC 3207 §4).
            // System.Net.Mail moves on to MAIL FROM when AUTH fails, so a bad password shows up here.
            530 when !string.IsNullOrEmpty(smtp.UserName) =>
                $"SMTP server {server} did not accept the login ({reply}); check Carnet:Mail:Smtp:UserName/Password (System.Net.Mail only does AUTH LOGIN) and Carnet:Mail:Smtp:Security. An authentication failure is a configuration problem, treated as transient. {Retried}",
            530 =>
                $"SMTP server {server} requires authentication or STARTTLS ({reply}); set Carnet:Mail:Smtp:UserName/Password and Carnet:Mail:Smtp:Security. A configuration problem, treated as transient. {Retried}",
            454 or 534 or 535 or 538 =>
                $"SMTP server {server} refused the credentials ({reply}); check Carnet:Mail:Smtp:UserName/Password. An authentication failure is a configuration problem, treated as transient. {Retried}",
            >= 400 and < 500 =>
                $"SMTP server {server} temporarily refused the message ({reply}). {Retried}",
            >= 500 and < 600 =>
                $"SMTP server {server} refused the message ({reply}) although it did not refuse the recipient: the sender Carnet:Mail:From, the content or missing authentication was not accepted; check the server's log. Treated as transient. {Retried}",
            _ when smtp.Security == SmtpSecurity.StartTls =>
                $"Sending through SMTP server {server} failed ({reply}); check Carnet:Mail:Smtp (Security=StartTls needs a server that offers STARTTLS). {Retried}",
            _ =>
                $"Sending through SMTP server {server} failed ({reply}); check Carnet:Mail:Smtp. {Retried}",
        };
        return new MailDeliveryException(message, isPermanent: false);
    }

    private static MailDeliveryException TlsFailed(AuthenticationException e, string server, SmtpOptions smtp) =>
        new(
            $"TLS negotiation with SMTP server {server} failed; check its certificate is valid for {smtp.Host} and trusted by this machine (Carnet:Mail:Smtp:Security). {Retried}",
            isPermanent: false,
            e);

    private static string SocketProblem(SocketError error, string server, string host) => error switch
    {
        SocketError.ConnectionRefused =>
            $"SMTP server {server} refused the connection; check Carnet:Mail:Smtp:Host/Port and that the server is running. {Retried}",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain =>
            $"SMTP host {host} could not be resolved; check Carnet:Mail:Smtp:Host and DNS. {Retried}",
        SocketError.TimedOut or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.NetworkDown =>
            $"SMTP server {server} is unreachable ({error}); check Carnet:Mail:Smtp:Host/Port and the network or firewall. {Retried}",
        _ =>
            $"The connection to SMTP server {server} failed ({error}); check Carnet:Mail:Smtp:Host/Port. {Retried}",
    };

    /// <summary>"550 MailboxUnavailable, 5.1.1": the codes only. The server's text often quotes the address.</summary>
    private static string Reply(SmtpException e)
    {
        var status = (int)e.StatusCode;
        // 530 is named MustIssueStartTlsFirst but also means "authentication required" (RFC 4954 §6).
        var text = Enum.IsDefined(e.StatusCode) && status > 0 && status != 530
            ? string.Create(CultureInfo.InvariantCulture, $"{status} {e.StatusCode}")
            : string.Create(CultureInfo.InvariantCulture, $"{(status > 0 ? status : e.StatusCode)}");
        var enhanced = EnhancedCode(e);
        return enhanced is null ? text : text + ", " + enhanced;
    }

    /// <summary>The enhanced status code (RFC 3463) of the server's reply, when it has one of the same class.</summary>
    private static string? EnhancedCode(SmtpException e)
    {
        var status = (int)e.StatusCode;
        if (status is < 200 or > 599)
        {
            return null;
        }

        var match = EnhancedStatus().Match(e.Message);
        return match.Success && match.Value[0] - '0' == status / 100 ? match.Value : null;
    }

    /// <summary>
    /// The underlying network or TLS error, which carries no personal data. SmtpException messages
    /// are never passed on: they quote the server, which quotes the recipient address.
    /// </summary>
    private static Exception? SafeCause(Exception e) =>
        Find<SocketException>(e) ?? Find<AuthenticationException>(e) ?? (Exception?)Find<IOException>(e);

    private static T? Find<T>(Exception? e)
        where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }

    // Not preceded or followed by what could make it part of an address or a domain name.
    [GeneratedRegex(@"(?<![\w.@-])[245]\.[0-9]{1,3}\.[0-9]{1,3}(?![\w.@-])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex EnhancedStatus();
}
