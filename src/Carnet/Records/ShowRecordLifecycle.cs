using Carnet.Audit;
using Carnet.Identifiers;
using Carnet.Mail;
using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Records;

/// <summary>
/// The operator looks at where a record stands in its lifecycle: dates, representations, codes and
/// pending messages. Administrative data only; no health data is read. The look is traced.
/// </summary>
public sealed class ShowRecordLifecycle(CarnetDbContext db, TimeProvider clock)
{
    public sealed record Request(Nir Nir, string OperatorId);

    public sealed record RepresentationView(RepresentationKind Kind, DateTimeOffset StartedAt, DateOnly? EndsOn, DateTimeOffset? EndedAt);

    public sealed record View(
        Guid RecordId,
        string DisplayName,
        DateOnly BirthDate,
        InsAuthority InsAuthority,
        RecordState State,
        bool Activated,
        DateTimeOffset ImportedAt,
        DateTimeOffset? NoticeSentAt,
        DateTimeOffset? OppositionWindowEndsAt,
        DateTimeOffset? ObjectedAt,
        DateTimeOffset? CreatedAt,
        DateTimeOffset? ActivatedAt,
        DateTimeOffset? SuspendedAt,
        DateTimeOffset? SuspensionClosesAt,
        DateTimeOffset? ClosedAt,
        DateTimeOffset? PurgeDueAt,
        DateTimeOffset? DeletionRequestedAt,
        DateTimeOffset? DeletionDueAt,
        DateTimeOffset? PurgedAt,
        int LiveProvisionalCodes,
        int PendingMessages,
        int PendingLetters,
        IReadOnlyList<RepresentationView> Representations);

    /// <summary>The lifecycle view of the record with this NIR.</summary>
    /// <exception cref="RecordNotFoundException">No record has this NIR.</exception>
    public async Task<View> HandleAsync(Request request, CancellationToken ct)
    {
        var record = await db.Records.AsNoTracking().SingleOrDefaultAsync(r => r.Nir == request.Nir, ct)
            ?? throw new RecordNotFoundException();
        var now = clock.GetUtcNow();
        var liveCodes = await db.ProvisionalCodes.CountAsync(c => c.RecordId == record.Id && c.UsedAt == null && c.SupersededAt == null && c.ExpiresAt > now, ct);
        var pendingMessages = await db.OutboxMessages.CountAsync(m => m.RecordId == record.Id && m.Status == OutboxStatus.Pending, ct);
        var pendingLetters = await db.PostalLetters.CountAsync(l => l.RecordId == record.Id && l.ExportedAt == null, ct);
        var representations = await db.Representations.AsNoTracking()
            .Where(r => r.RecordId == record.Id)
            .OrderBy(r => r.StartedAt)
            .Select(r => new RepresentationView(r.Kind, r.StartedAt, r.EndsOn, r.EndedAt))
            .ToListAsync(ct);

        db.Traces.Add(Trace.Of(record.Id, Actor.Operator(request.OperatorId), TraceActions.LifecycleViewed, now));
        await db.SaveChangesAsync(ct);

        return new View(
            record.Id,
            record.DisplayName,
            record.BirthDate,
            record.InsAuthority,
            record.State,
            record.IsActivated,
            record.ImportedAt,
            record.NoticeSentAt,
            record.OppositionWindowEndsAt,
            record.ObjectedAt,
            record.CreatedAt,
            record.ActivatedAt,
            record.SuspendedAt,
            record.SuspensionClosesAt,
            record.ClosedAt,
            record.PurgeDueAt,
            record.DeletionRequestedAt,
            record.DeletionDueAt,
            record.PurgedAt,
            liveCodes,
            pendingMessages,
            pendingLetters,
            representations);
    }
}
