namespace Carnet.Mail;

/// <summary>Hands one text message to an SMS gateway. Development uses a folder sink.</summary>
public interface ISmsTransport
{
    /// <summary>Sends one text message or throws.</summary>
    /// <exception cref="MailDeliveryException">The message was not accepted.</exception>
    Task SendAsync(SmsEnvelope message, CancellationToken ct);
}
