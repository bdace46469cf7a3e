using Carnet.Jobs;
using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Records;

/// <summary>
/// Traces are kept as long as the record and never less than two years (DOMAIN.md §6): once a record
/// is purged, its traces go when they are two years old.
/// </summary>
public sealed class PurgeExpiredTraces(CarnetDbContext db, TimeProvider clock) : IScheduledJob
{
    public const string JobName = "records.purge-expired-traces";

    public static readonly TimeSpan MinimumRetention = TimeSpan.FromDays(2 * 365);

    public Task<int> RunAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow() - MinimumRetention;
        return db.Traces
            .Where(t => t.At < before && db.Records.Any(r => r.Id == t.RecordId && r.State == RecordState.Purged))
            .ExecuteDeleteAsync(ct);
    }
}
