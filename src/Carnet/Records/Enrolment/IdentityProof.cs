using Carnet.Identifiers;
using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Records.Enrolment;

/// <summary>
/// Proves who is asking without an account (DOMAIN.md §3.2–3.3): the NIR, the Vitale card serial and a
/// provisional code. An unknown NIR and a wrong serial get the same answer, so the proof never tells
/// whether a record exists; the code's own errors (expired, already used) are distinct, as the product
/// requires, and only reached once NIR and serial match.
/// </summary>
public sealed class IdentityProof(CarnetDbContext db, TimeProvider clock)
{
    public const string NotRecognised = "identity_not_recognised";

    /// <summary>The record of the person, tracked; refuses like "not found" when NIR and serial do not match.</summary>
    public async Task<HealthRecord> FindAsync(string? nir, string? vitaleSerial, CancellationToken ct)
    {
        var parsedNir = Nir.ParseAny(nir, "nir");
        var serial = VitaleSerial.Parse(vitaleSerial, "vitaleSerial");
        var record = await db.Records.SingleOrDefaultAsync(r => r.Nir == parsedNir, ct);
        if (record is null || !record.VitaleSerial.Equals(serial))
        {
            throw new LifecycleException(NotRecognised, "We could not find a record with this social security number and Vitale card serial. Check both numbers against the Vitale card, or call the Carnet service.");
        }

        return record;
    }

    /// <summary>The record and the live code that matched. The caller uses the code once its step succeeded.</summary>
    public async Task<(HealthRecord Record, ProvisionalCode Code)> VerifyAsync(string? nir, string? vitaleSerial, string? provisionalCode, CancellationToken ct)
    {
        var typed = ProvisionalCode.Normalise(provisionalCode);
        if (typed.Length == 0)
        {
            throw new IdentifierException("provisionalCode", "is required: enter the code from the e-mail or letter you received, or ask for a new one.");
        }

        var record = await FindAsync(nir, vitaleSerial, ct);
        var now = clock.GetUtcNow();
        if (record.ProvisionalCodeLockedUntil is { } lockedUntil && lockedUntil > now)
        {
            throw CodesLocked(lockedUntil - now);
        }

        var codes = await db.ProvisionalCodes.Where(c => c.RecordId == record.Id).ToListAsync(ct);
        var match = codes.FirstOrDefault(c => c.Matches(typed));
        if (match is null)
        {
            await CountFailureAsync(record, now, ct);
            throw new LifecycleException("code_invalid", "This code is not the one we sent. Check it (letters and digits, no O or I), or ask for a new code.");
        }

        if (record.ProvisionalCodeFailures > 0)
        {
            await db.Records.Where(r => r.Id == record.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.ProvisionalCodeFailures, 0), ct);
        }

        if (match.UsedAt is not null)
        {
            throw new LifecycleException("code_already_used", "This code has already been used: each code works only once. Ask for a new code.");
        }

        if (!match.IsLive(now))
        {
            throw new LifecycleException("code_expired", "This code has expired or was replaced by a newer one. Ask for a new code: it will be sent to the contact details we have.");
        }

        return (record, match);
    }

    /// <summary>
    /// Counts a wrong code with an atomic increment (parallel guesses on several nodes all count) and
    /// locks the record's codes once there are too many: guessing a 10-character code is then hopeless.
    /// </summary>
    private async Task CountFailureAsync(HealthRecord record, DateTimeOffset now, CancellationToken ct)
    {
        await db.Records.Where(r => r.Id == record.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.ProvisionalCodeFailures, r => r.ProvisionalCodeFailures + 1), ct);
        var failures = await db.Records.Where(r => r.Id == record.Id).Select(r => r.ProvisionalCodeFailures).SingleAsync(ct);
        if (failures >= LifecycleRules.ProvisionalCodeMaxFailures)
        {
            var until = now + LifecycleRules.ProvisionalCodeLockout;
            await db.Records.Where(r => r.Id == record.Id).ExecuteUpdateAsync(
                u => u.SetProperty(r => r.ProvisionalCodeFailures, 0).SetProperty(r => r.ProvisionalCodeLockedUntil, until), ct);
            throw CodesLocked(LifecycleRules.ProvisionalCodeLockout);
        }
    }

    private static LifecycleException CodesLocked(TimeSpan remaining) => new(
        "code_attempts_locked",
        $"Too many wrong codes were typed for this record: codes are refused for {Math.Max(1, (int)Math.Ceiling(remaining.TotalMinutes))} more minute(s). Wait, then type the code from your latest e-mail or letter.");
}
