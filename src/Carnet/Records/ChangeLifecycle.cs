using Carnet.Audit;
using Carnet.Persistence;
using Carnet.Records.Notices;

namespace Carnet.Records;

/// <summary>
/// Applies one lifecycle step to a tracked record: the transition, its trace and the message to the
/// holder, in the caller's unit of work. The holder's and the operator's requests both come here, so
/// a step always has the same effects whoever asks.
/// </summary>
public sealed class ChangeLifecycle(CarnetDbContext db, HolderMail holderMail, TimeProvider clock)
{
    public void Apply(HealthRecord record, LifecycleStep step, Actor actor)
    {
        var now = clock.GetUtcNow();
        var reopened = record.State == RecordState.Objected ? (Func<NoticeText>)NoticeTemplates.CreatedAfterObjection : NoticeTemplates.Reopened;
        var (action, message) = step switch
        {
            LifecycleStep.ObjectToCreation => Do(record.ObjectToCreation, TraceActions.RecordObjected, NoticeTemplates.Objected),
            LifecycleStep.Reopen => Do(record.Reopen, TraceActions.RecordReopened, reopened),
            LifecycleStep.Close => Do(at => record.Close(at, requestDeletion: false), TraceActions.RecordClosed, () => NoticeTemplates.Closed(record.PurgeDueAt!.Value)),
            LifecycleStep.CloseAndDelete => Do(at => record.Close(at, requestDeletion: true), TraceActions.DeletionRequested, () => NoticeTemplates.DeletionRequested(record.DeletionDueAt!.Value)),
            LifecycleStep.RequestDeletion => Do(record.RequestDeletion, TraceActions.DeletionRequested, () => NoticeTemplates.DeletionRequested(record.DeletionDueAt!.Value)),
            LifecycleStep.Suspend => Do(record.Suspend, TraceActions.RecordSuspended, () => NoticeTemplates.Suspended(record.SuspensionClosesAt!.Value)),
            LifecycleStep.ObjectToSuspension => Do(record.ObjectToSuspension, TraceActions.SuspensionObjected, null),
            LifecycleStep.LiftSuspension => Do(record.LiftSuspension, TraceActions.SuspensionLifted, NoticeTemplates.Reopened),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown lifecycle step."),
        };

        db.Traces.Add(Trace.Of(record.Id, actor, action, now));
        if (message is not null)
        {
            holderMail.Inform(record, message);
        }

        (string, NoticeText?) Do(Action<DateTimeOffset> transition, string traceAction, Func<NoticeText>? text)
        {
            transition(now);
            return (traceAction, text?.Invoke());
        }
    }
}
