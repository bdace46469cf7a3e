using Carnet.Access;
using Carnet.Audit;
using Carnet.Persistence;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Records;

/// <summary>
/// A signed-in holder (or a minor's legal representative) closes their record, asks for its deletion or reopens
/// it (DOMAIN.md §3.5), without the provisional code the signed-out steps need: the session proves who asks. The
/// same transitions, traces and messages as every other way in (<see cref="ChangeLifecycle"/>).
/// </summary>
public sealed class ChangeOwnRecordLifecycle(CarnetDbContext db, AccessGate gate, ChangeLifecycle lifecycle, TimeProvider clock)
{
    private static readonly LifecycleStep[] Allowed = [LifecycleStep.Close, LifecycleStep.CloseAndDelete, LifecycleStep.RequestDeletion, LifecycleStep.Reopen];

    /// <summary>Where the record stands, for the settings page.</summary>
    public sealed record Status(
        RecordState State,
        DateTimeOffset? ClosedAt,
        DateTimeOffset? PurgeDueAt,
        DateTimeOffset? DeletionRequestedAt,
        DateTimeOffset? DeletionDueAt);

    /// <summary>The record's lifecycle dates; administrative data only, but the look is traced like every read.</summary>
    /// <exception cref="RecordNotFoundException">Absent, or not the caller's to manage.</exception>
    public async Task<Status> ShowAsync(Caller caller, Guid recordId, CancellationToken ct)
    {
        var status = await gate.ManageableRecords(caller).AsNoTracking()
            .Where(r => r.Id == recordId && r.State != RecordState.Purged)
            .Select(r => new Status(r.State, r.ClosedAt, r.PurgeDueAt, r.DeletionRequestedAt, r.DeletionDueAt))
            .SingleOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException(HealthDataRefusals.NotFound);
        db.Traces.Add(Trace.Of(recordId, caller.Actor, TraceActions.LifecycleViewed, clock.GetUtcNow(), mode: caller.Mode));
        await db.SaveChangesAsync(ct);
        return status;
    }

    /// <summary>Applies the step and saves; refusals are <see cref="LifecycleException"/> with the record's own codes.</summary>
    /// <exception cref="RecordNotFoundException">Absent, or not the caller's to manage.</exception>
    public async Task<Status> HandleAsync(Caller caller, Guid recordId, LifecycleStep step, CancellationToken ct)
    {
        if (!Allowed.Contains(step))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "Only closing, asking for deletion and reopening are the holder's to ask.");
        }

        var manageable = gate.ManageableRecords(caller).Select(r => r.Id);
        var record = await db.Records.Where(r => r.Id == recordId && r.State != RecordState.Purged && manageable.Contains(r.Id)).SingleOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException(HealthDataRefusals.NotFound);
        lifecycle.Apply(record, step, caller.Actor);
        await db.SaveChangesAsync(ct);
        return new Status(record.State, record.ClosedAt, record.PurgeDueAt, record.DeletionRequestedAt, record.DeletionDueAt);
    }
}
