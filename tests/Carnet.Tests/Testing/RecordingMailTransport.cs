using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Carnet.Mail;

namespace Carnet.Tests.Testing;

/// <summary>
/// Keeps what the outbox sends, so lifecycle tests can read the codes a person would receive. The SMTP
/// transport itself is tested against a real SMTP conversation (Mail/SmtpMailTransportTests).
/// </summary>
public sealed partial class RecordingMailTransport : IMailTransport, ISmsTransport
{
    public ConcurrentQueue<MailEnvelope> Mails { get; } = new();

    public ConcurrentQueue<SmsEnvelope> Texts { get; } = new();

    /// <summary>When set, every send fails with this error (transient or permanent).</summary>
    public MailDeliveryException? Failure { get; set; }

    public Task SendAsync(MailEnvelope message, CancellationToken ct)
    {
        if (Failure is not null)
        {
            throw Failure;
        }

        Mails.Enqueue(message);
        return Task.CompletedTask;
    }

    public Task SendAsync(SmsEnvelope message, CancellationToken ct)
    {
        if (Failure is not null)
        {
            throw Failure;
        }

        Texts.Enqueue(message);
        return Task.CompletedTask;
    }

    public IReadOnlyList<MailEnvelope> MailsTo(string address) => [.. Mails.Where(m => m.To == address)];

    /// <summary>The provisional code (XXXXX-XXXXX) in the last mail to this address.</summary>
    public string LastProvisionalCodeTo(string address) =>
        ProvisionalCodePattern().Match(MailsTo(address)[^1].TextBody) is { Success: true } match
            ? match.Value
            : throw new InvalidOperationException($"No provisional code in the last mail to {address}.");

    /// <summary>The six-digit code in the last mail or SMS to this address.</summary>
    public string LastOneTimeCodeTo(string address)
    {
        var text = Mails.LastOrDefault(m => m.To == address)?.TextBody ?? Texts.LastOrDefault(t => t.To == address)?.Text
            ?? throw new InvalidOperationException($"Nothing was sent to {address}.");
        return SixDigits().Match(text).Value;
    }

    [GeneratedRegex("[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}")]
    private static partial Regex ProvisionalCodePattern();

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
