using Carnet.Audit;
using Carnet.Persistence;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Access;

/// <summary>
/// The holder names a professional in a role (médecin traitant, reference midwife, correspondent pharmacist,
/// administrator), or ends a role. One professional per role (a new médecin traitant replaces the previous
/// one), except administrators, who may be several. A blocked professional must be unblocked first.
/// </summary>
public sealed class DeclareCareRole(CarnetDbContext db, AccessGate gate, TimeProvider clock)
{
    public async Task DeclareAsync(Caller caller, Guid recordId, CareRole role, string professionalNumber, CancellationToken ct)
    {
        await HolderSide.EnsureManagesAsync(gate, caller, recordId, ct);
        var professional = await ProfessionalNumber.FindAsync(db, professionalNumber, ct);
        if (await db.ProfessionalBlocks.AnyAsync(b => b.RecordId == recordId && b.IdNatPs == professional.IdNatPs && b.LiftedAt == null, ct))
        {
            throw new AccessException(AccessException.NotAllowed, $"{professional.DisplayName} is blocked on this record: unblock them first.");
        }

        var now = clock.GetUtcNow();
        var current = await db.DeclaredRoles.Where(r => r.RecordId == recordId && r.Role == role && r.EndedAt == null).ToListAsync(ct);
        if (current.Exists(r => r.ProfessionalId == professional.Id))
        {
            return;
        }

        if (role != CareRole.Administrator)
        {
            current.ForEach(r => r.End(now));
        }

        db.DeclaredRoles.Add(DeclaredRole.Declare(recordId, professional.Id, role, now));
        db.Traces.Add(Trace.Of(recordId, caller.Actor, TraceActions.RoleDeclared, now, professional.IdNatPs));
        await db.SaveChangesAsync(ct);
    }

    public async Task EndAsync(Caller caller, Guid recordId, CareRole role, string professionalNumber, CancellationToken ct)
    {
        await HolderSide.EnsureManagesAsync(gate, caller, recordId, ct);
        var professional = await ProfessionalNumber.FindAsync(db, professionalNumber, ct);
        var now = clock.GetUtcNow();
        foreach (var declared in await db.DeclaredRoles.Where(r => r.RecordId == recordId && r.Role == role && r.ProfessionalId == professional.Id && r.EndedAt == null).ToListAsync(ct))
        {
            declared.End(now);
        }

        db.Traces.Add(Trace.Of(recordId, caller.Actor, TraceActions.RoleEnded, now, professional.IdNatPs));
        await db.SaveChangesAsync(ct);
    }
}
