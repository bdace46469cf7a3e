namespace Carnet.Mail;

/// <summary>How an outbox message travels.</summary>
public enum OutboxChannel
{
    Email,
    Sms,
}
