using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Carnet.SignIn.Challenges;

/// <summary>Finds an open challenge by its token, or says why it cannot be used any more.</summary>
public sealed class SignInChallenges(CarnetDbContext db, TimeProvider clock)
{
    public async Task<SignInChallenge> FindAsync(string? token, ChallengePurpose purpose, CancellationToken ct)
    {
        SignInChallenge? challenge = null;
        if (!string.IsNullOrWhiteSpace(token) && token.Length <= 100)
        {
            var hash = Secrets.Hash(token);
            challenge = await db.SignInChallenges.SingleOrDefaultAsync(c => c.TokenHash == hash && c.Purpose == purpose, ct);
        }

        if (challenge is not null && challenge.IsUsable(clock.GetUtcNow()))
        {
            return challenge;
        }

        if (purpose is ChallengePurpose.PasskeyRegistration or ChallengePurpose.PasskeySignIn)
        {
            throw new SignInRefusedException(SignInRefusedException.ChallengeNotFound, "This passkey step has expired or was already answered. Start again.");
        }

        // The token is the person's own secret: telling them why it stopped working reveals nothing.
        var again = purpose == ChallengePurpose.SignIn ? "Start again with your login and password." : "Ask for a new reset code.";
        if (challenge is null)
        {
            throw new SignInRefusedException(SignInRefusedException.ChallengeNotFound, $"This sign-in step is unknown. {again}");
        }

        if (challenge.CompletedAt is not null)
        {
            throw new SignInRefusedException(SignInRefusedException.CodeAlreadyUsed, $"This code was already used: each code works once. {again}");
        }

        if (challenge.Attempts >= SignInChallenge.MaxAttempts)
        {
            throw new SignInRefusedException(SignInRefusedException.TooManyAttempts, $"Too many wrong codes. {again}");
        }

        throw new SignInRefusedException(SignInRefusedException.CodeExpired, $"This code has expired (codes last 10 minutes). {again}");
    }
}
