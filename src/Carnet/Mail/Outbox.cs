using Carnet.Persistence;

namespace Carnet.Mail;

/// <summary>
/// Queues e-mails and text messages in the caller's unit of work: they are saved with the change that
/// caused them and sent later by <see cref="DispatchOutbox"/>.
/// </summary>
public sealed class Outbox(CarnetDbContext db, TimeProvider clock)
{
    public OutboxMessage Email(string to, string subject, string body, string purpose, Guid? recordId = null) =>
        Add(OutboxChannel.Email, to, subject, body, purpose, recordId);

    public OutboxMessage Sms(string to, string text, string purpose, Guid? recordId = null) =>
        Add(OutboxChannel.Sms, to, "", text, purpose, recordId);

    private OutboxMessage Add(OutboxChannel channel, string to, string subject, string body, string purpose, Guid? recordId)
    {
        var message = OutboxMessage.Create(channel, to, subject, body, purpose, recordId, clock.GetUtcNow());
        db.OutboxMessages.Add(message);
        return message;
    }
}
