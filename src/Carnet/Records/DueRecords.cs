using System.Linq.Expressions;
using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Records;

/// <summary>
/// Walks the records a job must move, in batches. Each batch is loaded, moved and saved with the
/// records' version check: when another node moved a record first, the batch is dropped and the next
/// query no longer sees that record, so no record is handled twice (docs/adr/0005).
/// </summary>
internal static class DueRecords
{
    private const int BatchSize = 500;
    private const int MaxConflictsInARow = 10;

    public static async Task<int> ProcessAsync(
        CarnetDbContext db,
        Expression<Func<HealthRecord, bool>> due,
        Func<HealthRecord, CancellationToken, Task> handle,
        CancellationToken ct)
    {
        var handled = 0;
        var conflicts = 0;
        while (!ct.IsCancellationRequested)
        {
            var batch = await db.Records.Where(due).OrderBy(r => r.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var record in batch)
            {
                await handle(record, ct);
            }

            try
            {
                await db.SaveChangesAsync(ct);
                handled += batch.Count;
                conflicts = 0;
            }
            catch (DbUpdateConcurrencyException) when (++conflicts < MaxConflictsInARow)
            {
                // Another node got there first for at least one record: nothing of this batch was saved.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }

            if (batch.Count < BatchSize && conflicts == 0)
            {
                break;
            }
        }

        return handled;
    }
}
