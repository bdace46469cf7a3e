using Carnet.Audit;
using Carnet.Identifiers;
using Carnet.Persistence;
using Carnet.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carnet.Access.Delegations;

/// <summary>
/// The operator registers the guardian of a protected adult (DOMAIN.md §1) from the court's decision:
/// a representation of kind Guardian with no end date, ended only by the operator.
/// </summary>
public sealed class RegisterGuardianship(CarnetDbContext db, TimeProvider clock, IOptions<RecordsOptions> options)
{
    public const string EndedByOperator = "ended_by_operator";

    public async Task<Representation> HandleAsync(Nir ward, Nir guardian, string operatorId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = options.Value.Today(now);
        var record = await db.Records.AsNoTracking().FirstOrDefaultAsync(r => r.Nir == ward && r.State != RecordState.Purged, ct)
            ?? throw new RecordNotFoundException("No record has this NIR for the protected adult: check it, or import the person first.");
        if (record.IsMinorOn(today))
        {
            throw new DelegationException(DelegationException.NotAnAdult, "This person is a minor: their parents represent them; guardianship applies to protected adults.");
        }

        if (await db.Representations.AnyAsync(p => p.RecordId == record.Id && p.RepresentativeNir == guardian, ct))
        {
            throw new DelegationException(DelegationException.AlreadyInvited, "This guardian is already registered for this person (end the current one first if it must change).");
        }

        var guardianship = Representation.Start(record, guardian, today, now);
        db.Representations.Add(guardianship);
        db.Traces.Add(Trace.Of(record.Id, Actor.Operator(operatorId), DelegationTraceActions.GuardianshipRegistered, now, guardianship.Id.ToString()));
        await db.SaveChangesAsync(ct);
        return guardianship;
    }

    public async Task EndAsync(Guid guardianshipId, string operatorId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var guardianship = await db.Representations.FirstOrDefaultAsync(p => p.Id == guardianshipId && p.Kind == RepresentationKind.Guardian && p.EndedAt == null, ct)
            ?? throw new RecordNotFoundException("No current guardianship has this id: list the person's representatives and try again.");
        guardianship.End(EndedByOperator, now);
        db.Traces.Add(Trace.Of(guardianship.RecordId, Actor.Operator(operatorId), DelegationTraceActions.GuardianshipEnded, now, guardianship.Id.ToString()));
        await db.SaveChangesAsync(ct);
    }
}
