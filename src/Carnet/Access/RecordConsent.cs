using Carnet.Audit;
using Carnet.Identifiers;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Access;

/// <summary>
/// A professional records the holder's consent, given during a consultation (DOMAIN.md §5): from then on
/// they are authorised in normal mode. Never implicit: only this call (or the holder's portal) creates one.
/// Refused like an absent record when the professional is blocked there, for a forbidden purpose, or when
/// there is no open record for the INS.
/// </summary>
public sealed class RecordConsent(CarnetDbContext db, TimeProvider clock)
{
    public sealed record Result(Guid RecordId, bool Created);

    public async Task<Result> HandleAsync(Caller caller, Ins patient, CancellationToken ct)
    {
        if (caller.Professional is not { } professional || PurposeOfUse.IsForbidden(caller.Purpose))
        {
            throw new RecordNotFoundException(HealthDataRefusals.NotFound);
        }

        var recordId = await db.Records
            .Where(r => r.Nir == patient.Nir && r.InsAuthority == patient.Authority && r.State == RecordState.Open
                && !db.ProfessionalBlocks.Any(b => b.RecordId == r.Id && b.IdNatPs == professional.IdNatPs && b.LiftedAt == null))
            .Select(r => (Guid?)r.Id)
            .FirstOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException(HealthDataRefusals.NotFound);
        if (await db.ProfessionalAuthorizations.AnyAsync(a => a.RecordId == recordId && a.IdNatPs == professional.IdNatPs && a.EndedAt == null, ct))
        {
            return new Result(recordId, Created: false);
        }

        var now = clock.GetUtcNow();
        db.ProfessionalAuthorizations.Add(ProfessionalAuthorization.Grant(recordId, professional.IdNatPs, professional.DisplayName, AuthorizationBasis.Consent, now));
        db.Traces.Add(Trace.Of(recordId, caller.Actor, TraceActions.ConsentRecorded, now, professional.IdNatPs, caller.Mode));
        await db.SaveChangesAsync(ct);
        return new Result(recordId, Created: true);
    }
}
