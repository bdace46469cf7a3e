using Carnet.Accounts;
using Carnet.Mail;
using Carnet.Persistence;
using Carnet.SignIn.Challenges;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carnet.SignIn.People;

/// <summary>
/// A holder who forgot their password asks for a reset code, sent to a confirmed contact. The answer is
/// the same whether the login exists or not, so it cannot be used to find accounts. Professionals and
/// operators reset through the operator, who re-issues their credentials.
/// </summary>
public sealed class RequestPasswordReset(CarnetDbContext db, UserManager<Account> users, Outbox outbox, TimeProvider clock, IOptions<SignInOptions> options)
{
    /// <summary>Reset codes sent to one account per hour at most: beyond, requests are answered but nothing is sent.</summary>
    public const int MaxPerHour = 5;

    public sealed record Request(string? Login, SecondFactor? SendTo = null);

    public sealed record Result(string ResetToken, DateTimeOffset ExpiresAt);

    public async Task<Result> HandleAsync(Request request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var account = string.IsNullOrWhiteSpace(request.Login) || request.Login.Length > 256 ? null : await users.FindByNameAsync(request.Login.Trim());
        var since = now.AddHours(-1);
        if (account is null || account.Kind != AccountKind.Holder || !(account.EmailConfirmed || account.PhoneNumberConfirmed)
            || await db.SignInChallenges.CountAsync(c => c.AccountId == account.Id && c.Purpose == ChallengePurpose.PasswordReset && c.StartedAt >= since, ct) >= MaxPerHour)
        {
            // A token that leads nowhere, indistinguishable from a real one.
            return new Result(Secrets.Token(), now + options.Value.OneTimeCodeLifetime);
        }

        var factor = StartSignIn.Reachable(account, request.SendTo);
        var (challenge, token) = SignInChallenge.Open(account.Id, ChallengePurpose.PasswordReset, factor, now, options.Value.OneTimeCodeLifetime);
        db.SignInChallenges.Add(challenge);
        StartSignIn.SendCode(outbox, account, challenge, factor, now);
        await db.SaveChangesAsync(ct);
        return new Result(token, challenge.ExpiresAt);
    }
}
