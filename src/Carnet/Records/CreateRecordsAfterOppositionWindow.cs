using Carnet.Audit;
using Carnet.Jobs;
using Carnet.Persistence;

namespace Carnet.Records;

/// <summary>Six weeks after the notice, without objection, the record is created (CSP R1111-28).</summary>
public sealed class CreateRecordsAfterOppositionWindow(CarnetDbContext db, TimeProvider clock) : IScheduledJob
{
    public const string JobName = "records.create-after-opposition-window";

    public Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var noticeSentBefore = now - LifecycleRules.OppositionWindow;
        return VersionedBatches.ProcessAsync(
            db,
            () => db.Records.Where(r => r.State == RecordState.OppositionWindow && r.NoticeSentAt <= noticeSentBefore).OrderBy(r => r.Id),
            (records, _) =>
            {
                foreach (var record in records)
                {
                    record.CreateAutomatically(now);
                    db.Traces.Add(Trace.Of(record.Id, Actor.SystemJob(JobName), TraceActions.RecordCreated, now));
                }

                return Task.CompletedTask;
            },
            ct);
    }
}
