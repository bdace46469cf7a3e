namespace Carnet.Mail;

/// <summary>Where an outbox message stands. Pending messages are retried until they go out.</summary>
public enum OutboxStatus
{
    Pending,
    Sent,

    /// <summary>The transport said the address cannot receive (for example SMTP 550): retrying cannot help.</summary>
    Bounced,
}
