using Carnet.Mail;
using Carnet.Persistence;
using Carnet.SignIn.Challenges;
using Microsoft.EntityFrameworkCore;

namespace Carnet.SignIn.People;

/// <summary>Sends a new sign-in or reset code, to the same contact or the other confirmed one (at most one every 30 s).</summary>
public sealed class ResendSignInCode(CarnetDbContext db, SignInChallenges challenges, Outbox outbox, TimeProvider clock)
{
    public sealed record Request(string? ChallengeToken, ChallengePurpose Purpose, SecondFactor? SendTo);

    public async Task<StartSignIn.Result> HandleAsync(Request request, CancellationToken ct)
    {
        var challenge = await challenges.FindAsync(request.ChallengeToken, request.Purpose, ct);
        if (challenge.Factor == SecondFactor.Authenticator)
        {
            throw new SignInRefusedException("authenticator_code", "Your code comes from your authenticator app: open it and type the code it shows. Nothing is sent.");
        }

        var now = clock.GetUtcNow();
        if (request.Purpose == ChallengePurpose.PasswordReset)
        {
            // A reset never tells where the code went, and a decoy or capped reset behaves alike but sends nothing.
            var account = challenge.AccountId is { } id ? await db.Users.SingleAsync(a => a.Id == id, ct) : null;
            if (account is not null && !await RequestPasswordReset.CapReachedAsync(db, account.Id, now, ct))
            {
                StartSignIn.SendCode(outbox, account, challenge, StartSignIn.Reachable(account, request.SendTo ?? challenge.Factor), now);
            }
            else
            {
                challenge.IssueCode(challenge.Factor, now);
            }

            await db.SaveChangesAsync(ct);
            return new StartSignIn.Result(request.ChallengeToken!, challenge.Factor, null, challenge.ExpiresAt);
        }

        var signingIn = await db.Users.SingleAsync(a => a.Id == challenge.AccountId, ct);
        var factor = StartSignIn.Reachable(signingIn, request.SendTo ?? challenge.Factor);
        var sentTo = StartSignIn.SendCode(outbox, signingIn, challenge, factor, now);
        await db.SaveChangesAsync(ct);
        return new StartSignIn.Result(request.ChallengeToken!, factor, sentTo, challenge.ExpiresAt);
    }
}
