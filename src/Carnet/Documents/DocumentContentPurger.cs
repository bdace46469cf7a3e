using Carnet.Documents.Encryption;
using Carnet.Persistence;
using Carnet.Records;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Documents;

/// <summary>
/// At a record's purge: its data key is destroyed (every blob of the record becomes unreadable at
/// once, backups included), its documents' metadata, folders, submissions and staged content go, and
/// the orphan sweeper then removes the blobs.
/// </summary>
public sealed class DocumentContentPurger(CarnetDbContext db, RecordKeys keys) : IRecordContentPurger
{
    public async Task PurgeAsync(Guid recordId, CancellationToken ct)
    {
        await keys.DestroyAsync(recordId, ct);
        db.Documents.RemoveRange(await db.Documents.Where(d => d.RecordId == recordId).ToListAsync(ct));
        db.DocumentFolders.RemoveRange(await db.DocumentFolders.Where(f => f.RecordId == recordId).ToListAsync(ct));
        db.DocumentSubmissions.RemoveRange(await db.DocumentSubmissions.Where(s => s.RecordId == recordId).ToListAsync(ct));
        db.StagedBinaries.RemoveRange(await db.StagedBinaries.Where(b => b.RecordId == recordId).ToListAsync(ct));
    }
}
