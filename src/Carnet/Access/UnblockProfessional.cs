using Carnet.Audit;
using Carnet.Persistence;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Access;

/// <summary>The holder lifts a block. Access does not come back: the professional needs a new consent (DOMAIN.md §5).</summary>
public sealed class UnblockProfessional(CarnetDbContext db, AccessGate gate, TimeProvider clock)
{
    public async Task HandleAsync(Caller caller, Guid recordId, string professionalNumber, CancellationToken ct)
    {
        await HolderSide.EnsureManagesAsync(gate, caller, recordId, ct);
        var professional = await ProfessionalNumber.FindAsync(db, professionalNumber, ct);
        var now = clock.GetUtcNow();
        foreach (var block in await db.ProfessionalBlocks.Where(b => b.RecordId == recordId && b.IdNatPs == professional.IdNatPs && b.LiftedAt == null).ToListAsync(ct))
        {
            block.Lift(now);
        }

        db.Traces.Add(Trace.Of(recordId, caller.Actor, TraceActions.ProfessionalUnblocked, now, professional.IdNatPs));
        await db.SaveChangesAsync(ct);
    }
}
