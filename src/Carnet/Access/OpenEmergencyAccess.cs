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
public sealed class OpenEmergencyAccess(CarnetDbContext db, AccessGate gate, TimeProvider clock)
{
    /// <summary>Why a professional breaks the glass, as the portal offers it: short labels, never free text (a trace holds no health data).</summary>
    public static readonly IReadOnlyList<string> Reasons = ["vital_emergency", "unconscious", "unable_to_consent"];

    public sealed record Result(Guid RecordId, AccessMode Mode, DateTimeOffset ExpiresAt);

    public Task<Result> HandleAsync(Caller caller, Ins patient, CancellationToken ct) => HandleAsync(caller, patient, null, ct);

    /// <summary>Opens the access giving its reason, one of <see cref="Reasons"/>: traced (emergency.reason_given) so the holder sees why.</summary>
    public async Task<Result> HandleAsync(Caller caller, Ins patient, string? reason, CancellationToken ct)
    {
        if (reason is not null && !Reasons.Contains(reason, StringComparer.Ordinal))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown emergency reason.");
        }

        var recordId = await db.Records
            .Where(r => r.Nir == patient.Nir && r.InsAuthority == patient.Authority && r.State == RecordState.Open)
            .Select(r => (Guid?)r.Id)
            .FirstOrDefaultAsync(ct);
        if (recordId is not { } id || !await gate.OpenEmergencyAccessAsync(caller, id, ct))
        {
            throw new RecordNotFoundException(HealthDataRefusals.NotFound);
        }

        if (reason is not null)
        {
            db.Traces.Add(Trace.Of(id, caller.Actor, TraceActions.EmergencyReasonGiven, clock.GetUtcNow(), reason, caller.Mode));
            await db.SaveChangesAsync(ct);
        }

        var professional = caller.Professional!.IdNatPs;
        var expires = await db.EmergencyAccesses.Where(e => e.RecordId == id && e.IdNatPs == professional && e.Mode == caller.Mode)
            .MaxAsync(e => e.ExpiresAt, ct);
        return new Result(id, caller.Mode, expires);
    }
}
