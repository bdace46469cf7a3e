namespace Carnet.Mail;

/// <summary>
/// A transport refused or could not take a message. Permanent failures (for example SMTP 5xx on the
/// recipient: the address does not exist) are bounces: retrying cannot help. Everything else is
/// transient and retried with back-off by the outbox.
/// </summary>
public sealed class MailDeliveryException : Exception
{
    public MailDeliveryException(string message, bool isPermanent, Exception? innerException = null)
        : base(message, innerException) => IsPermanent = isPermanent;

    public MailDeliveryException()
        : this("The message could not be delivered.", isPermanent: false)
    {
    }

    public MailDeliveryException(string message)
        : this(message, isPermanent: false)
    {
    }

    public MailDeliveryException(string message, Exception innerException)
        : this(message, isPermanent: false, innerException)
    {
    }

    public bool IsPermanent { get; }
}
