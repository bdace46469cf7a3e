using Carnet.Jobs;
using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Carnet.Mail;

/// <summary>
/// Sends what the outbox holds, oldest due first. A transient failure reschedules the message with
/// back-off; a bounce is final and told to the observers. Each message is claimed before it is sent,
/// so two nodes never send it both, and saved as soon as it is handled, so a crash re-sends at most
/// the message in flight (at-least-once delivery).
/// </summary>
public sealed class DispatchOutbox(
    CarnetDbContext db,
    IMailTransport mail,
    ISmsTransport sms,
    IEnumerable<IOutboxObserver> observers,
    TimeProvider clock,
    ILogger<DispatchOutbox> logger) : IScheduledJob
{
    public const string JobName = "mail.dispatch-outbox";
    private const int BatchSize = 100;
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var handled = 0;
        while (!ct.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var due = await db.OutboxMessages
                .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .OrderBy(m => m.NextAttemptAt)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (due.Count == 0)
            {
                break;
            }

            foreach (var message in due)
            {
                if (await ClaimAsync(message, ct))
                {
                    await SendOneAsync(message, ct);
                    handled++;
                }
            }

            db.ChangeTracker.Clear();
            if (due.Count < BatchSize)
            {
                break;
            }
        }

        return handled;
    }

    private async Task<bool> ClaimAsync(OutboxMessage message, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + ClaimDuration;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == message.Id && m.Status == OutboxStatus.Pending && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until), ct) == 1;
        if (claimed)
        {
            // The tracked copy learns the claim, so releasing it (null) is seen as a change and saved.
            var property = db.Entry(message).Property(m => m.ClaimedUntil);
            property.OriginalValue = until;
            property.CurrentValue = until;
        }

        return claimed;
    }

    private async Task SendOneAsync(OutboxMessage message, CancellationToken ct)
    {
        Outcome outcome;
        string? error = null;
        try
        {
            if (message.Channel == OutboxChannel.Email)
            {
                await mail.SendAsync(new MailEnvelope(message.To, message.Subject, message.Body), ct);
            }
            else
            {
                await sms.SendAsync(new SmsEnvelope(message.To, message.Body), ct);
            }

            outcome = Outcome.Delivered;
        }
        catch (MailDeliveryException e) when (e.IsPermanent)
        {
            logger.LogWarning("Outbox message {MessageId} ({Purpose}) bounced: {Error}", message.Id, message.Purpose, e.Message);
            (outcome, error) = (Outcome.Bounced, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only our own transport messages are kept: other exceptions may quote addresses.
            (outcome, error) = (Outcome.Failed, e is MailDeliveryException ? e.Message : e.GetType().Name);
        }

        await RecordAsync(message, outcome, error, ct);
    }

    /// <summary>
    /// Saves the outcome with what the observers changed. An observer's entity may have moved meanwhile
    /// (optimistic concurrency): the outcome is then applied again on fresh data, never by re-sending.
    /// </summary>
    private async Task RecordAsync(OutboxMessage message, Outcome outcome, string? error, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow();
            switch (outcome)
            {
                case Outcome.Delivered:
                    message.Delivered(now);
                    foreach (var observer in observers)
                    {
                        await observer.DeliveredAsync(message, ct);
                    }

                    break;
                case Outcome.Bounced:
                    message.Bounced(now, error!);
                    foreach (var observer in observers)
                    {
                        await observer.BouncedAsync(message, ct);
                    }

                    break;
                default:
                    message.Failed(now, error!);
                    logger.LogWarning("Outbox message {MessageId} ({Purpose}) not sent, attempt {Attempts}; next try at {NextAttemptAt:O}: {Error}", message.Id, message.Purpose, message.Attempts, message.NextAttemptAt, message.LastError);
                    break;
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
                message = await db.OutboxMessages.SingleAsync(m => m.Id == message.Id, ct);
                if (message.Status != OutboxStatus.Pending)
                {
                    return;
                }
            }
        }
    }

    private enum Outcome
    {
        Delivered,
        Bounced,
        Failed,
    }
}
