using Carnet.Mail;
using Carnet.Persistence;
using Carnet.Records.Notices;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Records;

/// <summary>
/// Destroys what the lifecycle itself keeps for a purged record: codes, activations, the holder's
/// account, the record's representatives and its unsent messages. Traces stay: they are kept at least two years (DOMAIN.md §6) and hold no health data;
/// <see cref="PurgeExpiredTraces"/> removes them afterwards.
/// </summary>
public sealed class LifecycleContentPurger(CarnetDbContext db) : IRecordContentPurger
{
    public async Task PurgeAsync(Guid recordId, CancellationToken ct)
    {
        db.ProvisionalCodes.RemoveRange(await db.ProvisionalCodes.Where(c => c.RecordId == recordId).ToListAsync(ct));
        db.ActivationSessions.RemoveRange(await db.ActivationSessions.Where(s => s.RecordId == recordId).ToListAsync(ct));
        db.Users.RemoveRange(await db.Users.Where(a => a.HolderRecordId == recordId).ToListAsync(ct));
        db.Representations.RemoveRange(await db.Representations.Where(r => r.RecordId == recordId).ToListAsync(ct));

        // Unsent messages holding codes go; information (such as "deletion under way") is still sent.
        db.OutboxMessages.RemoveRange(await db.OutboxMessages.Where(m => m.RecordId == recordId && m.Status == OutboxStatus.Pending && m.Purpose != NoticePurposes.Information).ToListAsync(ct));
        db.PostalLetters.RemoveRange(await db.PostalLetters.Where(l => l.RecordId == recordId && l.ExportedAt == null && l.Purpose != NoticePurposes.Information).ToListAsync(ct));
    }
}
