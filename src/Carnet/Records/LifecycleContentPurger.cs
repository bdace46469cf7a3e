using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Records;

/// <summary>
/// Destroys what the lifecycle itself keeps for a purged record: codes, activations, the holder's
/// account and the traces (a single "purged" trace is written afterwards).
/// </summary>
public sealed class LifecycleContentPurger(CarnetDbContext db) : IRecordContentPurger
{
    public async Task PurgeAsync(Guid recordId, CancellationToken ct)
    {
        db.ProvisionalCodes.RemoveRange(await db.ProvisionalCodes.Where(c => c.RecordId == recordId).ToListAsync(ct));
        db.ActivationSessions.RemoveRange(await db.ActivationSessions.Where(s => s.RecordId == recordId).ToListAsync(ct));
        db.Traces.RemoveRange(await db.Traces.Where(t => t.RecordId == recordId).ToListAsync(ct));
        db.Users.RemoveRange(await db.Users.Where(a => a.HolderRecordId == recordId).ToListAsync(ct));
    }
}
