using Carnet.Persistence;
using Carnet.SignIn.Challenges;
using Carnet.SignIn.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Carnet.SignIn.People;

/// <summary>
/// Second step of a person's sign-in: the one-time code sent to their contact, or their authenticator
/// code. A wrong code counts against the challenge (5 attempts) and against the account's lockout.
/// </summary>
public sealed class ConfirmSignIn(
    CarnetDbContext db,
    SignInChallenges challenges,
    AccountLockout lockout,
    AuthenticatorKeys authenticator,
    StartSession sessions,
    TimeProvider clock)
{
    public sealed record Request(string? ChallengeToken, string? Code, string? Device);

    public async Task<StartSession.Result> HandleAsync(Request request, CancellationToken ct)
    {
        var challenge = await challenges.FindAsync(request.ChallengeToken, ChallengePurpose.SignIn, ct);
        var account = await db.Users.SingleAsync(a => a.Id == challenge.AccountId, ct);
        await lockout.ReserveAttemptAsync(account, ct);
        var now = clock.GetUtcNow();
        var passed = challenge.Factor == SecondFactor.Authenticator
            ? challenge.RecordAuthenticatorCode(await authenticator.VerifyAsync(account, request.Code, ct), now)
            : challenge.TryConfirmSentCode(request.Code, now);
        await db.SaveChangesAsync(ct);
        if (!passed)
        {
            await lockout.RecordFailureAsync(account, ct);
            var left = SignInChallenge.MaxAttempts - challenge.Attempts;
            throw new SignInRefusedException(
                SignInRefusedException.CodeInvalid,
                left > 0
                    ? $"This code is not the right one. Check it and try again ({left} attempt(s) left)."
                    : "This code is not the right one, and that was the last attempt. Start again with your login and password.");
        }

        await lockout.ResetAsync(account, ct);
        var methods = challenge.Factor == SecondFactor.Authenticator ? "pwd otp" : challenge.Factor == SecondFactor.Sms ? "pwd sms" : "pwd mail";
        return await sessions.HandleAsync(new StartSession.Request(account, methods, request.Device), ct);
    }
}
