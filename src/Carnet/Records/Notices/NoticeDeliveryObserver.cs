using Carnet.Mail;
using Carnet.Persistence;
using Microsoft.Extensions.Logging;

namespace Carnet.Records.Notices;

/// <summary>
/// A delivered notice starts the six-week window; a bounced notice or code is sent again by post with
/// a fresh code, since the e-mailed one never arrived (CSP R1111-28: post when the e-mail fails).
/// </summary>
public sealed class NoticeDeliveryObserver(CarnetDbContext db, HolderMail holderMail, ILogger<NoticeDeliveryObserver> logger) : IOutboxObserver
{
    public async Task DeliveredAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.Purpose != NoticePurposes.Notice || message.RecordId is not { } recordId)
        {
            return;
        }

        if (await db.Records.FindAsync([recordId], ct) is { } record)
        {
            await holderMail.NoticeSentAsync(record, message.SentAt!.Value, ct);
        }
    }

    public async Task BouncedAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.Purpose is not (NoticePurposes.Notice or NoticePurposes.ProvisionalCode) || message.RecordId is not { } recordId)
        {
            return;
        }

        var record = await db.Records.FindAsync([recordId], ct);
        if (record?.Address is null)
        {
            logger.LogWarning("A notice e-mail bounced for record {RecordId} and no postal address is known: the operator must update the contact details", recordId);
            return;
        }

        await holderMail.SendNewCodeAsync(record, byPost: true, throttle: false, ct);
    }
}
