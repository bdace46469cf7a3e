using Carnet.Jobs;
using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Records;

/// <summary>
/// Traces are kept as long as the record and never less than two years (DOMAIN.md §6): once a record
/// is purged, each of its traces goes when it is two years old (calendar years: leap days count).
/// </summary>
public sealed class PurgeExpiredTraces(CarnetDbContext db, TimeProvider clock) : IScheduledJob
{
    public const string JobName = "records.purge-expired-traces";

    public const int MinimumRetentionYears = 2;

    public Task<int> RunAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().AddYears(-MinimumRetentionYears);
        return db.Traces
            .Where(t => t.At < before && db.Records.Any(r => r.Id == t.RecordId && r.State == RecordState.Purged))
            .ExecuteDeleteAsync(ct);
    }
}
