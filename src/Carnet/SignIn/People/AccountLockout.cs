using Carnet.Accounts;
using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carnet.SignIn.People;

/// <summary>
/// Locks an account after repeated failures — wrong passwords and wrong one-time or authenticator codes
/// count alike — for a while. Failures are counted with an atomic increment in the database, so parallel
/// guesses on several nodes cannot get past the limit.
/// </summary>
public sealed class AccountLockout(CarnetDbContext db, TimeProvider clock, IOptions<SignInOptions> options)
{
    public void EnsureNotLocked(Account account)
    {
        var now = clock.GetUtcNow();
        if (account.IsLockedOut(now))
        {
            throw Locked(account.LockoutEnd!.Value - now);
        }
    }

    /// <summary>Counts a failure; throws the lockout refusal when it is the one too many.</summary>
    public async Task RecordFailureAsync(Account account, CancellationToken ct)
    {
        var settings = options.Value;
        await db.Users.Where(a => a.Id == account.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.AccessFailedCount, a => a.AccessFailedCount + 1), ct);
        var failures = await db.Users.Where(a => a.Id == account.Id).Select(a => a.AccessFailedCount).SingleAsync(ct);
        if (failures >= settings.MaxFailedAttempts)
        {
            var until = clock.GetUtcNow() + settings.LockoutDuration;
            await db.Users.Where(a => a.Id == account.Id).ExecuteUpdateAsync(
                u => u.SetProperty(a => a.LockoutEnd, until).SetProperty(a => a.AccessFailedCount, 0), ct);
            throw Locked(settings.LockoutDuration);
        }
    }

    /// <summary>A successful sign-in or password reset clears the count of failures and any lockout.</summary>
    public Task ResetAsync(Account account, CancellationToken ct) =>
        db.Users.Where(a => a.Id == account.Id).ExecuteUpdateAsync(
            u => u.SetProperty(a => a.AccessFailedCount, 0).SetProperty(a => a.LockoutEnd, (DateTimeOffset?)null), ct);

    private static SignInRefusedException Locked(TimeSpan remaining)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(remaining.TotalMinutes));
        return new SignInRefusedException(
            SignInRefusedException.AccountLocked,
            $"Too many failed attempts: this account is locked for {minutes} more minute(s). Wait, or reset your password with a code sent to your registered contact.");
    }
}
