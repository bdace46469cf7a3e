using Carnet.Audit;
using Carnet.Persistence;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Access;

/// <summary>The holder authorises a professional from their portal: an explicit consent of their own. A blocked professional must be unblocked first.</summary>
public sealed class AuthorizeProfessional(CarnetDbContext db, AccessGate gate, TimeProvider clock)
{
    public async Task HandleAsync(Caller caller, Guid recordId, string professionalNumber, CancellationToken ct)
    {
        await HolderSide.EnsureManagesAsync(gate, caller, recordId, ct);
        var professional = await ProfessionalNumber.FindAsync(db, professionalNumber, ct);
        if (await db.ProfessionalBlocks.AnyAsync(b => b.RecordId == recordId && b.IdNatPs == professional.IdNatPs && b.LiftedAt == null, ct))
        {
            throw new AccessException(AccessException.NotAllowed, $"{professional.DisplayName} is blocked on this record: unblock them first, then authorise them.");
        }

        if (await db.ProfessionalAuthorizations.AnyAsync(a => a.RecordId == recordId && a.IdNatPs == professional.IdNatPs && a.EndedAt == null, ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        db.ProfessionalAuthorizations.Add(ProfessionalAuthorization.Grant(recordId, professional.IdNatPs, professional.DisplayName, AuthorizationBasis.Holder, now));
        db.Traces.Add(Trace.Of(recordId, caller.Actor, TraceActions.ConsentRecorded, now, professional.IdNatPs));
        await db.SaveChangesAsync(ct);
    }
}
