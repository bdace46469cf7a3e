using Carnet.Jobs;
using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Audit;

/// <summary>
/// Chains the traces written since the last run into their records' hash chains, in batches (the
/// "group commit" of docs/adr/0011): use cases only insert a row, and one transaction here appends
/// thousands of traces, each after its record's last sealed link, in Id order. A trace that commits
/// late (a lower Id after a higher one was sealed) is sealed by the next run: the chain's order is
/// <see cref="Trace.Sequence"/>, not the Id. Safe on several nodes: a row is sealed only while its
/// Sequence is still null, and a position is unique per record, so a racing sealer fails and retries.
/// </summary>
public sealed class SealTraces(CarnetDbContext db) : IScheduledJob
{
    public const string JobName = "audit.seal-traces";

    /// <summary>How often every node runs it: the window during which a trace is not yet chained.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    public const int BatchSize = 5000;

    private const int MaxConflictsInARow = 10;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var sealedCount = 0;
        var conflicts = 0;
        while (!ct.IsCancellationRequested)
        {
            int batch;
            try
            {
                batch = await SealBatchAsync(ct);
                conflicts = 0;
            }
            catch (DbUpdateException) when (++conflicts < MaxConflictsInARow)
            {
                // Another sealer took a row or a position first (conditional update or unique index):
                // nothing of this batch was saved; read the heads again and go on after it.
                continue;
            }
            finally
            {
                db.ChangeTracker.Clear();
            }

            sealedCount += batch;
            if (batch < BatchSize)
            {
                break;
            }
        }

        return sealedCount;
    }

    private async Task<int> SealBatchAsync(CancellationToken ct)
    {
        var traces = await db.Traces.Where(t => t.Sequence == null).OrderBy(t => t.Id).Take(BatchSize).ToListAsync(ct);
        if (traces.Count == 0)
        {
            return 0;
        }

        var recordIds = traces.Select(t => t.RecordId).Distinct().ToList();
        var heads = await TraceChain.Heads(db.Traces.AsNoTracking().Where(t => recordIds.Contains(t.RecordId)))
            .Select(t => new { t.RecordId, Sequence = t.Sequence!.Value, t.Hash })
            .ToDictionaryAsync(t => t.RecordId, ct);

        foreach (var chain in traces.GroupBy(t => t.RecordId))
        {
            var (sequence, previous) = heads.TryGetValue(chain.Key, out var head) ? (head.Sequence, head.Hash!) : (0L, TraceChain.Genesis.ToArray());
            foreach (var trace in chain)
            {
                trace.Seal(++sequence, previous);
                previous = trace.Hash!;
            }
        }

        await db.SaveChangesAsync(ct);
        return traces.Count;
    }
}
