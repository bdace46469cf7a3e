using Carnet.Audit;
using Carnet.Persistence;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Access;

/// <summary>
/// The holder withdraws a professional's authorisation (care team or consent): an objection, which a later
/// deposit by that professional does not undo; only a new consent does (DOMAIN.md §5).
/// </summary>
public sealed class WithdrawAuthorization(CarnetDbContext db, AccessGate gate, TimeProvider clock)
{
    public async Task HandleAsync(Caller caller, Guid recordId, string professionalNumber, CancellationToken ct)
    {
        await HolderSide.EnsureManagesAsync(gate, caller, recordId, ct);
        var professional = await ProfessionalNumber.FindAsync(db, professionalNumber, ct);
        var now = clock.GetUtcNow();
        var authorizations = await db.ProfessionalAuthorizations.Where(a => a.RecordId == recordId && a.IdNatPs == professional.IdNatPs && a.EndedAt == null).ToListAsync(ct);
        if (authorizations.Count == 0)
        {
            // Record the objection all the same, so that the next deposit does not make them care team.
            var objection = ProfessionalAuthorization.Grant(recordId, professional.IdNatPs, professional.DisplayName, AuthorizationBasis.CareTeam, now);
            objection.End(AuthorizationEnd.HolderObjected, now);
            db.ProfessionalAuthorizations.Add(objection);
        }

        foreach (var authorization in authorizations)
        {
            authorization.End(AuthorizationEnd.HolderObjected, now);
        }

        db.Traces.Add(Trace.Of(recordId, caller.Actor, TraceActions.AuthorizationWithdrawn, now, professional.IdNatPs));
        await db.SaveChangesAsync(ct);
    }
}
