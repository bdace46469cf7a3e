using Carnet.Audit;
using Carnet.Jobs;
using Carnet.Persistence;
using Carnet.Records.Notices;

namespace Carnet.Records;

/// <summary>
/// Destroys the data of closed records whose archive has run ten years, and of those whose holder asked
/// for deletion (carried out at the first run after the request, well within the three months of
/// CSP R1111-36; the holder is told).
/// </summary>
public sealed class PurgeClosedRecords(
    CarnetDbContext db,
    IEnumerable<IRecordContentPurger> purgers,
    HolderMail holderMail,
    TimeProvider clock) : IScheduledJob
{
    public const string JobName = "records.purge-closed";

    public Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return VersionedBatches.ProcessAsync(
            db,
            () => db.Records.Where(r => r.State == RecordState.Closed && (r.DeletionRequestedAt != null || r.PurgeDueAt <= now)).OrderBy(r => r.Id),
            async (records, token) =>
            {
                foreach (var record in records)
                {
                    var requested = record.DeletionRequestedAt is not null;
                    foreach (var purger in purgers)
                    {
                        await purger.PurgeAsync(record.Id, token);
                    }

                    record.Purge(now);
                    db.Traces.Add(Trace.Of(record.Id, Actor.SystemJob(JobName), TraceActions.RecordPurged, now));
                    if (requested)
                    {
                        holderMail.Inform(record, NoticeTemplates.Deleted());
                    }
                }
            },
            ct);
    }
}
