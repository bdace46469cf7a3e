using Carnet.Access;
using Carnet.Audit;
using Carnet.Persistence;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Records;

/// <summary>
/// The records a signed-in person may open — their own and those of the people they represent — for the
/// portal's record switcher (a parent switching to a child's record). Each record shown is traced as read.
/// </summary>
public sealed class ShowRecords(CarnetDbContext db, AccessGate gate, TimeProvider clock)
{
    public sealed record Summary(Guid Id, string GivenNames, string FamilyName, DateOnly BirthDate, RecordState State, bool Own);

    public async Task<IReadOnlyList<Summary>> ListAsync(Caller caller, CancellationToken ct)
    {
        var records = await gate.ReadableRecords(caller).AsNoTracking()
            .OrderBy(r => r.BirthDate)
            .Select(r => new Summary(r.Id, r.GivenNames, r.FamilyName, r.BirthDate, r.State, r.Id == caller.HolderRecordId))
            .ToListAsync(ct);
        Trace(caller, records.Select(r => r.Id));
        await db.SaveChangesAsync(ct);
        return records;
    }

    /// <summary>One record the caller may open; not found when absent or not theirs to open.</summary>
    public async Task<Summary> ShowAsync(Caller caller, Guid recordId, CancellationToken ct)
    {
        var record = await gate.ReadableRecords(caller).AsNoTracking()
            .Where(r => r.Id == recordId)
            .Select(r => new Summary(r.Id, r.GivenNames, r.FamilyName, r.BirthDate, r.State, r.Id == caller.HolderRecordId))
            .SingleOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException(HealthDataRefusals.NotFound);
        Trace(caller, [record.Id]);
        await db.SaveChangesAsync(ct);
        return record;
    }

    private void Trace(Caller caller, IEnumerable<Guid> recordIds)
    {
        var now = clock.GetUtcNow();
        foreach (var id in recordIds)
        {
            db.Traces.Add(Audit.Trace.Of(id, caller.Actor, TraceActions.RecordViewed, now, mode: caller.Mode));
        }
    }
}
