using Carnet.Accounts;
using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carnet.SignIn.People;

/// <summary>
/// Locks an account after repeated failures — wrong passwords and wrong one-time or authenticator codes
/// count alike — for a while. Each attempt takes its place with an atomic increment before it is checked
/// (<see cref="ReserveAttemptAsync"/>), so parallel guesses on several nodes cannot get past the limit.
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

    /// <summary>
    /// Takes one attempt before the password or code is checked. Parallel guesses each take a place with
    /// an atomic increment, and those beyond the limit are refused unchecked: a burst of guesses sent at
    /// once gets no more tries than guesses sent one by one.
    /// </summary>
    public async Task ReserveAttemptAsync(Account account, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // The count only grows while no lockout is over, so the count read after taking a place is at least
        // that place: whoever reads no more than the limit is among the first (a lockout that ended restarts it at 1).
        var reserved = await db.Users
            .Where(a => a.Id == account.Id && (a.LockoutEnd == null || a.LockoutEnd <= now))
            .ExecuteUpdateAsync(
                u => u.SetProperty(a => a.AccessFailedCount, a => a.LockoutEnd != null ? 1 : a.AccessFailedCount + 1)
                    .SetProperty(a => a.LockoutEnd, (DateTimeOffset?)null),
                ct);
        if (reserved == 0)
        {
            var end = await db.Users.Where(a => a.Id == account.Id).Select(a => a.LockoutEnd).SingleAsync(ct);
            throw Locked((end ?? now) - now);
        }

        if (await FailuresAsync(account, ct) > options.Value.MaxFailedAttempts)
        {
            await LockAsync(account, ct);
        }
    }

    /// <summary>The attempt passed: its place is given back.</summary>
    public Task ReleaseAttemptAsync(Account account, CancellationToken ct) =>
        db.Users.Where(a => a.Id == account.Id && a.AccessFailedCount > 0)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.AccessFailedCount, a => a.AccessFailedCount - 1), ct);

    /// <summary>The attempt failed: its place stays taken; the one that reaches the limit locks the account.</summary>
    public async Task RecordFailureAsync(Account account, CancellationToken ct)
    {
        if (await FailuresAsync(account, ct) >= options.Value.MaxFailedAttempts)
        {
            await LockAsync(account, ct);
        }
    }

    private Task<int> FailuresAsync(Account account, CancellationToken ct) =>
        db.Users.Where(a => a.Id == account.Id).Select(a => a.AccessFailedCount).SingleAsync(ct);

    private async Task LockAsync(Account account, CancellationToken ct)
    {
        var settings = options.Value;
        var until = clock.GetUtcNow() + settings.LockoutDuration;
        await db.Users.Where(a => a.Id == account.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.LockoutEnd, until), ct);
        throw Locked(settings.LockoutDuration);
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
