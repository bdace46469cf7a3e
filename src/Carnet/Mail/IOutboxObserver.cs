namespace Carnet.Mail;

/// <summary>
/// Lets a capability react when one of its messages is delivered or bounces (for example: a notice
/// delivered starts the opposition window; a bounced notice falls back to a letter). Called inside the
/// dispatcher's unit of work, before it is saved.
/// </summary>
public interface IOutboxObserver
{
    /// <summary>The message was accepted by the transport.</summary>
    Task DeliveredAsync(OutboxMessage message, CancellationToken ct);

    /// <summary>The transport said the address cannot receive.</summary>
    Task BouncedAsync(OutboxMessage message, CancellationToken ct);
}
