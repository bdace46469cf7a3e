using Carnet.Audit;
using Carnet.Identifiers;
using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Records;

/// <summary>
/// The operator applies a lifecycle step to the record of a NIR: suspension and its follow-ups, or a
/// holder's request received by phone or post (CSP R1111-36 allows closing "by request to the operator").
/// </summary>
public sealed class OperatorLifecycleRequest(CarnetDbContext db, ChangeLifecycle lifecycle)
{
    public sealed record Request(Nir Nir, LifecycleStep Step, string OperatorId);

    /// <summary>Applies the step and saves; returns the new state.</summary>
    /// <exception cref="RecordNotFoundException">No record has this NIR.</exception>
    public async Task<RecordState> HandleAsync(Request request, CancellationToken ct)
    {
        var record = await db.Records.SingleOrDefaultAsync(r => r.Nir == request.Nir, ct)
            ?? throw new RecordNotFoundException();
        lifecycle.Apply(record, request.Step, Actor.Operator(request.OperatorId));
        await db.SaveChangesAsync(ct);
        return record.State;
    }
}
