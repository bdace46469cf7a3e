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
        await ReserveAttemptAsync(record, now, ct);
        var codes = await db.ProvisionalCodes.Where(c => c.RecordId == record.Id).ToListAsync(ct);
        var match = codes.FirstOrDefault(c => c.Matches(typed));
        if (match is null)
        {
            if (await FailuresAsync(record, ct) >= LifecycleRules.ProvisionalCodeMaxFailures)
            {
                await LockAsync(record, now, ct);
            }

            throw new LifecycleException("code_invalid", "This code is not the one we sent. Check it (letters and digits, no O or I), or ask for a new code.");
        }

        await db.Records.Where(r => r.Id == record.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.ProvisionalCodeFailures, 0), ct);

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
    /// Takes one attempt before the code is compared, with an atomic increment: parallel guesses on several
    /// nodes each take a place, and those beyond the limit lock the record's codes unchecked.
    /// </summary>
    private async Task ReserveAttemptAsync(HealthRecord record, DateTimeOffset now, CancellationToken ct)
    {
        // As for accounts (AccountLockout): the count only grows until a lock is over, then restarts at 1.
        var reserved = await db.Records
            .Where(r => r.Id == record.Id && (r.ProvisionalCodeLockedUntil == null || r.ProvisionalCodeLockedUntil <= now))
            .ExecuteUpdateAsync(
                u => u.SetProperty(r => r.ProvisionalCodeFailures, r => r.ProvisionalCodeLockedUntil != null ? 1 : r.ProvisionalCodeFailures + 1)
                    .SetProperty(r => r.ProvisionalCodeLockedUntil, (DateTimeOffset?)null),
                ct);
        if (reserved == 0)
        {
            var until = await db.Records.Where(r => r.Id == record.Id).Select(r => r.ProvisionalCodeLockedUntil).SingleAsync(ct);
            throw CodesLocked((until ?? now) - now);
        }

        if (await FailuresAsync(record, ct) > LifecycleRules.ProvisionalCodeMaxFailures)
        {
            await LockAsync(record, now, ct);
        }
    }

    private Task<int> FailuresAsync(HealthRecord record, CancellationToken ct) =>
        db.Records.Where(r => r.Id == record.Id).Select(r => r.ProvisionalCodeFailures).SingleAsync(ct);

    private async Task LockAsync(HealthRecord record, DateTimeOffset now, CancellationToken ct)
    {
        var until = now + LifecycleRules.ProvisionalCodeLockout;
        await db.Records.Where(r => r.Id == record.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.ProvisionalCodeLockedUntil, until), ct);
        throw CodesLocked(LifecycleRules.ProvisionalCodeLockout);
    }

    private static LifecycleException CodesLocked(TimeSpan remaining) => new(
        "code_attempts_locked",
        $"Too many wrong codes were typed for this record: codes are refused for {Math.Max(1, (int)Math.Ceiling(remaining.TotalMinutes))} more minute(s). Wait, then type the code from your latest e-mail or letter.");
}
