using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Records;

/// <summary>
/// Destroys what the lifecycle itself keeps for a purged record: codes, activations and the holder's
/// account. Traces stay: they are kept at least two years (DOMAIN.md §6) and hold no health data;
/// <see cref="PurgeExpiredTraces"/> removes them afterwards.
/// </summary>
public sealed class LifecycleContentPurger(CarnetDbContext db) : IRecordContentPurger
{
    public async Task PurgeAsync(Guid recordId, CancellationToken ct)
    {
        db.ProvisionalCodes.RemoveRange(await db.ProvisionalCodes.Where(c => c.RecordId == recordId).ToListAsync(ct));
        db.ActivationSessions.RemoveRange(await db.ActivationSessions.Where(s => s.RecordId == recordId).ToListAsync(ct));
        db.Users.RemoveRange(await db.Users.Where(a => a.HolderRecordId == recordId).ToListAsync(ct));
    }
}
