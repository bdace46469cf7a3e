using System.Globalization;
using System.Text;
using Carnet.Audit;
using Carnet.Identifiers;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carnet.Access;

/// <summary>
/// A professional finds a patient's record by INS and identity traits, as identity vigilance asks (the INS is
/// used only with the traits it was qualified with: birth name, first given name, birth date, sex), and opens it
/// only when the access policy lets them consult it now: in normal mode (care team, consent, role) or through
/// their open emergency access. Every refusal — unknown INS, wrong traits, no right — is the same "not found",
/// so the search cannot be used to learn who has a record.
/// </summary>
public sealed class FindPatient(CarnetDbContext db, AccessGate gate, TimeProvider clock, IOptions<RecordsOptions> records)
{
    /// <summary>The identity traits the professional typed; <paramref name="Sex"/> is 'F' or 'M'.</summary>
    public sealed record Traits(string FamilyName, string GivenName, DateOnly BirthDate, char Sex);

    public sealed record Request(Ins Patient, Traits Traits);

    /// <summary>
    /// The record as this professional may consult it: identity, the mode their reads go in, whether they hold a
    /// role there (they see hidden documents), whether the patient is a minor, and their secret connection if one is open.
    /// </summary>
    public sealed record Patient(
        Guid RecordId,
        Ins Ins,
        string FamilyName,
        string GivenNames,
        DateOnly BirthDate,
        AccessMode Mode,
        bool HoldsRole,
        bool Minor,
        DateTimeOffset? EmergencyUntil,
        DateTimeOffset? SecretConnectionUntil);

    /// <summary>An emergency access the professional holds now.</summary>
    public sealed record OpenEmergency(Guid RecordId, AccessMode Mode, DateTimeOffset ExpiresAt);

    /// <summary>Finds the record and traces that the professional found it; <see cref="RecordNotFoundException"/> otherwise.</summary>
    public async Task<Patient> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var ins = await IdentifyAsync(caller, request, ct);
        var recordId = await db.Records.Where(r => r.Nir == ins.Nir && r.InsAuthority == ins.Authority && r.State == RecordState.Open).Select(r => r.Id).FirstAsync(ct);
        return await ShowAsync(caller, recordId, ct);
    }

    /// <summary>
    /// The INS of the open record whose traits match, for a professional about to record a consent or open an
    /// emergency access (which then decide by themselves); nothing of the record is read, so nothing is traced.
    /// </summary>
    public async Task<Ins> IdentifyAsync(Caller caller, Request request, CancellationToken ct)
    {
        if (caller.Professional is null || PurposeOfUse.IsForbidden(caller.Purpose))
        {
            throw new RecordNotFoundException(HealthDataRefusals.NotFound);
        }

        var ins = request.Patient;
        var record = await db.Records.AsNoTracking()
            .Where(r => r.Nir == ins.Nir && r.InsAuthority == ins.Authority && r.State == RecordState.Open)
            .Select(r => new { r.FamilyName, r.GivenNames, r.BirthDate })
            .FirstOrDefaultAsync(ct);
        if (record is null || !Matches(request.Traits, ins.Nir, record.FamilyName, record.GivenNames, record.BirthDate))
        {
            throw new RecordNotFoundException(HealthDataRefusals.NotFound);
        }

        return ins;
    }

    /// <summary>The record a professional may consult now, traced as viewed in the mode of their access; <see cref="RecordNotFoundException"/> otherwise.</summary>
    public async Task<Patient> ShowAsync(Caller caller, Guid recordId, CancellationToken ct)
    {
        var mode = await ModeAsync(caller, recordId, ct) ?? throw new RecordNotFoundException(HealthDataRefusals.NotFound);
        var professional = caller.Professional!.IdNatPs;
        var record = await db.Records.AsNoTracking().Where(r => r.Id == recordId)
            .Select(r => new { r.Nir, r.InsAuthority, r.FamilyName, r.GivenNames, r.BirthDate })
            .FirstAsync(ct);
        var now = clock.GetUtcNow();
        var emergency = await db.EmergencyAccesses.Where(e => e.RecordId == recordId && e.IdNatPs == professional && e.ExpiresAt > now)
            .Select(e => (DateTimeOffset?)e.ExpiresAt).MaxAsync(ct);
        var secret = await db.SecretConnections.Where(c => c.RecordId == recordId && c.IdNatPs == professional && c.ExpiresAt > now)
            .Select(c => (DateTimeOffset?)c.ExpiresAt).MaxAsync(ct);
        var minor = records.Value.Today(now) < record.BirthDate.AddYears(LifecycleRules.AgeOfMajority);
        db.Traces.Add(Trace.Of(recordId, caller.Actor, TraceActions.RecordViewed, now, null, mode));
        await db.SaveChangesAsync(ct);
        return new Patient(
            recordId,
            new Ins(record.Nir, record.InsAuthority),
            record.FamilyName,
            record.GivenNames,
            record.BirthDate,
            mode,
            await gate.HoldsRoleAsync(professional, recordId, ct),
            minor,
            mode == AccessMode.Normal ? null : emergency,
            secret);
    }

    /// <summary>
    /// The mode a professional's reads of this record go in: normal when they may consult it normally, else the
    /// mode of an emergency access they hold open and the holder still allows; null when they may not consult it.
    /// </summary>
    public async Task<AccessMode?> ModeAsync(Caller caller, Guid recordId, CancellationToken ct)
    {
        foreach (var mode in (AccessMode[])[AccessMode.Normal, AccessMode.BreakTheGlass, AccessMode.Centre15])
        {
            if (await gate.ConsultableRecords(caller with { Mode = mode }).AnyAsync(r => r.Id == recordId, ct))
            {
                return mode;
            }
        }

        return null;
    }

    /// <summary>The emergency accesses the professional holds open now, on records they do not consult normally.</summary>
    public async Task<IReadOnlyList<OpenEmergency>> OpenEmergenciesAsync(Caller caller, CancellationToken ct)
    {
        if (caller.Professional is not { } professional || PurposeOfUse.IsForbidden(caller.Purpose))
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var normal = gate.ConsultableRecords(caller with { Mode = AccessMode.Normal }).Select(r => r.Id);
        var open = await db.EmergencyAccesses.AsNoTracking()
            .Where(e => e.IdNatPs == professional.IdNatPs && e.ExpiresAt > now && !normal.Contains(e.RecordId))
            .Select(e => new OpenEmergency(e.RecordId, e.Mode, e.ExpiresAt))
            .ToListAsync(ct);
        return open.GroupBy(e => e.RecordId).Select(g => g.MaxBy(e => e.ExpiresAt)!).ToList();
    }

    /// <summary>
    /// Whether the typed traits are the record's: the birth name, one of the given names (the first, as on the
    /// INS, or all of them), the birth date, and the sex the NIR carries (odd first digit: male; even: female).
    /// Compared without case, accents, hyphens or apostrophes, which vary between software.
    /// </summary>
    public static bool Matches(Traits traits, Nir nir, string familyName, string givenNames, DateOnly birthDate)
    {
        var sex = (nir.SexDigit - '0') % 2 == 1 ? 'M' : 'F';
        if (traits.BirthDate != birthDate || char.ToUpperInvariant(traits.Sex) != sex
            || !string.Equals(Normalise(traits.FamilyName), Normalise(familyName), StringComparison.Ordinal))
        {
            return false;
        }

        var typed = Normalise(traits.GivenName);
        var all = Normalise(givenNames);
        return typed.Length > 0 && (string.Equals(typed, all, StringComparison.Ordinal)
            || all.Split(' ').Any(name => string.Equals(name, typed, StringComparison.Ordinal)));
    }

    private static string Normalise(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c is '-' or '\'' or '’' or ',' ? ' ' : char.ToUpperInvariant(c));
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
