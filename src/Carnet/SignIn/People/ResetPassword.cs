using Carnet.Persistence;
using Carnet.SignIn.Challenges;
using Microsoft.EntityFrameworkCore;

namespace Carnet.SignIn.People;

/// <summary>
/// The holder proves they hold a registered contact with the code sent to it, and chooses a new password.
/// Every session ends and a lockout is lifted; a wrong code counts towards the lockout.
/// </summary>
public sealed class ResetPassword(CarnetDbContext db, SignInChallenges challenges, AccountLockout lockout, NewPassword newPassword, TimeProvider clock)
{
    public sealed record Request(string? ResetToken, string? Code, string? NewPassword);

    public async Task HandleAsync(Request request, CancellationToken ct)
    {
        var challenge = await challenges.FindAsync(request.ResetToken, ChallengePurpose.PasswordReset, ct);
        var account = await db.Users.SingleAsync(a => a.Id == challenge.AccountId, ct);
        if (!challenge.TryConfirmSentCode(request.Code, clock.GetUtcNow()))
        {
            await db.SaveChangesAsync(ct);
            await lockout.RecordFailureAsync(account, ct);
            throw new SignInRefusedException(SignInRefusedException.CodeInvalid, $"This code is not the one we sent. Check it and try again ({SignInChallenge.MaxAttempts - challenge.Attempts} attempt(s) left), or ask for a new code.");
        }

        // Rules are checked before anything is saved: a refused password leaves the code usable.
        await newPassword.SetAsync(account, request.NewPassword, keepSession: null, ct);
        account.AccessFailedCount = 0;
        account.LockoutEnd = null;
        await db.SaveChangesAsync(ct);
    }
}
