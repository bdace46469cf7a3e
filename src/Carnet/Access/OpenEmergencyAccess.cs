using Carnet.Audit;
using Carnet.Identifiers;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Access;

/// <summary>
/// A professional calling in an emergency mode (bris_de_glace, centre_15) opens an emergency access on a
/// patient's record, or finds the one already open; a search of the patient's documents in that mode does
/// the same. Refused like an absent record when the holder objected to that mode, the professional is
/// blocked, or the call is not in an emergency mode.
/// </summary>
public sealed class OpenEmergencyAccess(CarnetDbContext db, AccessGate gate)
{
    public sealed record Result(Guid RecordId, AccessMode Mode, DateTimeOffset ExpiresAt);

    public async Task<Result> HandleAsync(Caller caller, Ins patient, CancellationToken ct)
    {
        var recordId = await db.Records
            .Where(r => r.Nir == patient.Nir && r.InsAuthority == patient.Authority && r.State == RecordState.Open)
            .Select(r => (Guid?)r.Id)
            .FirstOrDefaultAsync(ct);
        if (recordId is not { } id || !await gate.OpenEmergencyAccessAsync(caller, id, ct))
        {
            throw new RecordNotFoundException(HealthDataRefusals.NotFound);
        }

        var professional = caller.Professional!.IdNatPs;
        var expires = await db.EmergencyAccesses.Where(e => e.RecordId == id && e.IdNatPs == professional && e.Mode == caller.Mode)
            .MaxAsync(e => e.ExpiresAt, ct);
        return new Result(id, caller.Mode, expires);
    }
}
