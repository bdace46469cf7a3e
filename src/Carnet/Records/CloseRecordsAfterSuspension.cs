using Carnet.Audit;
using Carnet.Jobs;
using Carnet.Persistence;
using Carnet.Records.Notices;

namespace Carnet.Records;

/// <summary>A suspended record without objection for six weeks is closed, its data archived (CSP R1111-36).</summary>
public sealed class CloseRecordsAfterSuspension(CarnetDbContext db, HolderMail holderMail, TimeProvider clock) : IScheduledJob
{
    public const string JobName = "records.close-after-suspension";

    public Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var suspendedBefore = now - LifecycleRules.SuspensionObjectionWindow;
        return VersionedBatches.ProcessAsync(
            db,
            () => db.Records.Where(r => r.State == RecordState.Suspended && r.SuspensionObjectedAt == null && r.SuspendedAt <= suspendedBefore).OrderBy(r => r.Id),
            (records, _) =>
            {
                foreach (var record in records)
                {
                    record.CloseAfterSuspension(now);
                    db.Traces.Add(Trace.Of(record.Id, Actor.SystemJob(JobName), TraceActions.RecordClosed, now));
                    holderMail.Inform(record, NoticeTemplates.Closed(record.PurgeDueAt!.Value));
                }

                return Task.CompletedTask;
            },
            ct);
    }
}
