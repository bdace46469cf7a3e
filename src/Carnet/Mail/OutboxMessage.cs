namespace Carnet.Mail;

/// <summary>
/// A message waiting to be sent, stored in the same unit of work as the change that caused it, so it
/// is never lost when the mail server is down. Its body may hold a one-time code: it is erased once
/// the message is sent.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public Guid Id { get; private set; }

    public OutboxChannel Channel { get; private set; }

    public string To { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string Body { get; private set; } = "";

    /// <summary>Why it is sent (for example <c>notice</c>); observers react to their own purposes.</summary>
    public string Purpose { get; private set; } = "";

    public Guid? RecordId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public OutboxStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>
    /// Set by the node sending the message, so another node does not send it too; a node that dies
    /// mid-send lets the claim lapse and the message is sent again later (at-least-once).
    /// </summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }

    /// <summary>The last transport error, without personal data.</summary>
    public string? LastError { get; private set; }

    public static OutboxMessage Create(OutboxChannel channel, string to, string subject, string body, string purpose, Guid? recordId, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        Channel = channel,
        To = to,
        Subject = subject,
        Body = body,
        Purpose = purpose,
        RecordId = recordId,
        CreatedAt = at,
        Status = OutboxStatus.Pending,
        NextAttemptAt = at,
    };

    public void Delivered(DateTimeOffset at)
    {
        ClaimedUntil = null;
        Status = OutboxStatus.Sent;
        SentAt = at;
        Attempts++;
        Body = "";
        LastError = null;
    }

    public void Bounced(DateTimeOffset at, string error)
    {
        ClaimedUntil = null;
        Status = OutboxStatus.Bounced;
        Attempts++;
        NextAttemptAt = at;
        Body = "";
        LastError = Truncate(error);
    }

    /// <summary>Exponential back-off from one minute, capped at six hours; the message is never given up.</summary>
    public void Failed(DateTimeOffset at, string error)
    {
        ClaimedUntil = null;
        Attempts++;
        var minutes = Math.Min(Math.Pow(2, Math.Min(Attempts - 1, 16)), 360);
        NextAttemptAt = at + TimeSpan.FromMinutes(minutes);
        LastError = Truncate(error);
    }

    private static string Truncate(string error) => error.Length <= 500 ? error : error[..500];
}
