using Carnet.Persistence;
using Carnet.SignIn.Challenges;
using Microsoft.EntityFrameworkCore;

namespace Carnet.SignIn.People;

/// <summary>
/// The holder proves they hold a registered contact with the code sent to it, and chooses a new password.
/// Every session ends, a lockout is lifted, and the account's passkeys are removed (whoever reset the password
/// may be the only one to hold the account now). Wrong codes are capped per day.
/// </summary>
public sealed class ResetPassword(CarnetDbContext db, SignInChallenges challenges, NewPassword newPassword, TimeProvider clock)
{
    /// <summary>
    /// Wrong reset codes allowed per account per day. A reset must work while the account is locked (it is
    /// how a person gets back in), so it has its own, daily, limit: guessing a 6-digit code stays hopeless.
    /// </summary>
    public const int MaxFailuresPerDay = 10;

    public sealed record Request(string? ResetToken, string? Code, string? NewPassword);

    public async Task HandleAsync(Request request, CancellationToken ct)
    {
        var challenge = await challenges.FindAsync(request.ResetToken, ChallengePurpose.PasswordReset, ct);
        var now = clock.GetUtcNow();
        var since = now.AddDays(-1);
        if (challenge.AccountId is { } accountId && await db.SignInChallenges
                .Where(c => c.AccountId == accountId && c.Purpose == ChallengePurpose.PasswordReset && c.StartedAt >= since)
                .SumAsync(c => c.Attempts, ct) >= MaxFailuresPerDay)
        {
            throw new SignInRefusedException(SignInRefusedException.TooManyAttempts, "Too many wrong reset codes for this account today. Try again tomorrow, or call the Carnet service.");
        }

        if (!challenge.TryConfirmSentCode(request.Code, now))
        {
            await db.SaveChangesAsync(ct);
            throw new SignInRefusedException(SignInRefusedException.CodeInvalid, $"This code is not the one we sent. Check it and try again ({SignInChallenge.MaxAttempts - challenge.Attempts} attempt(s) left), or ask for a new code.");
        }

        var account = await db.Users.SingleAsync(a => a.Id == challenge.AccountId, ct);

        // Rules are checked before anything is saved: a refused password leaves the code usable.
        await newPassword.SetAsync(account, request.NewPassword, keepSession: null, ct, removePasskeys: true);
        account.AccessFailedCount = 0;
        account.LockoutEnd = null;
        await db.SaveChangesAsync(ct);
    }
}
