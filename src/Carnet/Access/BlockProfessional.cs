using Carnet.Audit;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Access;

/// <summary>
/// Blocks a professional on a record (DOMAIN.md §5): no access to documents at all, in every mode, whatever
/// consent or role. The holder (or a legal representative) blocks, and so may a professional the holder
/// declared in a role (médecin traitant, administrator…). Their authorisations end: unblocking does not restore them.
/// </summary>
public sealed class BlockProfessional(CarnetDbContext db, AccessGate gate, TimeProvider clock)
{
    public async Task HandleAsync(Caller caller, Guid recordId, string professionalNumber, CancellationToken ct)
    {
        if (caller.Kind == CallerKind.Holder)
        {
            await HolderSide.EnsureManagesAsync(gate, caller, recordId, ct);
        }
        else if (caller.Professional is not { } acting || !await gate.ConsultableRecords(caller).AnyAsync(r => r.Id == recordId, ct) || !await gate.HoldsRoleAsync(acting.IdNatPs, recordId, ct))
        {
            throw new RecordNotFoundException(HealthDataRefusals.NotFound);
        }

        var professional = await ProfessionalNumber.FindAsync(db, professionalNumber, ct);
        if (caller.Professional?.IdNatPs == professional.IdNatPs)
        {
            throw new AccessException(AccessException.NotAllowed, "A professional cannot block themselves: ask the holder to end your role instead.");
        }

        var now = clock.GetUtcNow();
        if (!await db.ProfessionalBlocks.AnyAsync(b => b.RecordId == recordId && b.IdNatPs == professional.IdNatPs && b.LiftedAt == null, ct))
        {
            db.ProfessionalBlocks.Add(ProfessionalBlock.Of(recordId, professional.IdNatPs, professional.DisplayName, caller.Actor, now));
        }

        foreach (var authorization in await db.ProfessionalAuthorizations.Where(a => a.RecordId == recordId && a.IdNatPs == professional.IdNatPs && a.EndedAt == null).ToListAsync(ct))
        {
            authorization.End(AuthorizationEnd.Blocked, now);
        }

        // Blocked means no access at all: their roles end, their emergency accesses close, and neither comes back on unblocking.
        foreach (var role in await db.DeclaredRoles.Where(r => r.RecordId == recordId && r.ProfessionalId == professional.Id && r.EndedAt == null).ToListAsync(ct))
        {
            role.End(now);
        }

        foreach (var emergency in await db.EmergencyAccesses.Where(e => e.RecordId == recordId && e.IdNatPs == professional.IdNatPs && e.ExpiresAt > now).ToListAsync(ct))
        {
            emergency.End(now);
        }

        db.Traces.Add(Trace.Of(recordId, caller.Actor, TraceActions.ProfessionalBlocked, now, professional.IdNatPs, caller.Mode));
        await db.SaveChangesAsync(ct);
    }
}
