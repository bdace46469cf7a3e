namespace Carnet.Mail;

/// <summary>
/// Hands one e-mail to the outside world. Implementations: SMTP (production) and a pickup folder
/// (development). Called only by the outbox dispatcher, never directly by a use case, so that a
/// message is never lost when the transport is down.
/// </summary>
public interface IMailTransport
{
    /// <summary>Sends one e-mail or throws.</summary>
    /// <exception cref="MailDeliveryException">The message was not accepted; <see cref="MailDeliveryException.IsPermanent"/> says whether retrying can help.</exception>
    Task SendAsync(MailEnvelope message, CancellationToken ct);
}
