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
        var sendable = account is not null && account.Kind == AccountKind.Holder && (account.EmailConfirmed || account.PhoneNumberConfirmed)
            && !await CapReachedAsync(db, account.Id, now, ct);
        var factor = sendable ? StartSignIn.Reachable(account!, request.SendTo) : SecondFactor.Email;

        // Unknown logins, staff accounts and accounts past the hourly cap get a decoy: a stored challenge
        // whose code is never sent, so every later step (resend, confirmation) answers exactly as for a real one.
        var (challenge, token) = SignInChallenge.Open(sendable ? account!.Id : null, ChallengePurpose.PasswordReset, factor, now, options.Value.OneTimeCodeLifetime);
        db.SignInChallenges.Add(challenge);
        if (sendable)
        {
            StartSignIn.SendCode(outbox, account!, challenge, factor, now);
        }
        else
        {
            challenge.IssueCode(factor, now);
        }

        await db.SaveChangesAsync(ct);
        return new Result(token, challenge.ExpiresAt);
    }

    /// <summary>True when the account was sent <see cref="MaxPerHour"/> reset codes (first sends and resends) in the last hour.</summary>
    internal static async Task<bool> CapReachedAsync(CarnetDbContext db, Guid accountId, DateTimeOffset now, CancellationToken ct)
    {
        var since = now.AddHours(-1);
        var sent = await db.SignInChallenges
            .Where(c => c.AccountId == accountId && c.Purpose == ChallengePurpose.PasswordReset && c.StartedAt >= since)
            .SumAsync(c => c.CodesSent, ct);
        return sent >= MaxPerHour;
    }
}
