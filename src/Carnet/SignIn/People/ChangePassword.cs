using Carnet.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Carnet.SignIn.People;

/// <summary>A signed-in person changes their password, giving the current one; their other sessions end.</summary>
public sealed class ChangePassword(CarnetDbContext db, IPasswordHasher<Accounts.Account> hasher, AccountLockout lockout, NewPassword newPassword)
{
    public sealed record Request(string? CurrentPassword, string? NewPassword);

    public async Task HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var account = await db.Users.SingleAsync(a => a.Id == caller.AccountId, ct);
        await lockout.ReserveAttemptAsync(account, ct);
        if (account.PasswordHash is null || string.IsNullOrEmpty(request.CurrentPassword)
            || hasher.VerifyHashedPassword(account, account.PasswordHash, request.CurrentPassword) == PasswordVerificationResult.Failed)
        {
            await lockout.RecordFailureAsync(account, ct);
            throw new SignInRefusedException(SignInRefusedException.InvalidCredentials, "Your current password is not right. Type it again, or sign out and reset your password.");
        }

        await lockout.ReleaseAttemptAsync(account, ct);
        await newPassword.SetAsync(account, request.NewPassword, caller.SessionId, ct);
        await db.SaveChangesAsync(ct);
    }
}
