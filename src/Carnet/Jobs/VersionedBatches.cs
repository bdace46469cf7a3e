using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Jobs;

/// <summary>
/// Walks the rows a job must move, in batches: each batch is loaded, moved and saved under the rows'
/// optimistic concurrency tokens. When another node moved a row first, the save fails, the batch is
/// dropped, and the next query no longer sees that row: no row is handled twice (docs/adr/0005).
/// </summary>
public static class VersionedBatches
{
    private const int BatchSize = 500;
    private const int MaxConflictsInARow = 10;

    /// <summary>
    /// Moves every row <paramref name="due"/> returns (re-evaluated for each batch, in a stable order)
    /// with <paramref name="handle"/>, which changes a batch without saving it; returns the rows saved.
    /// </summary>
    public static async Task<int> ProcessAsync<T>(
        CarnetDbContext db,
        Func<IQueryable<T>> due,
        Func<IReadOnlyList<T>, CancellationToken, Task> handle,
        CancellationToken ct)
    {
        var handled = 0;
        var conflicts = 0;
        while (!ct.IsCancellationRequested)
        {
            var batch = await due().Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            await handle(batch, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                handled += batch.Count;
                conflicts = 0;
            }
            catch (DbUpdateConcurrencyException) when (++conflicts < MaxConflictsInARow)
            {
                // Another node got there first for at least one row: nothing of this batch was saved.
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
