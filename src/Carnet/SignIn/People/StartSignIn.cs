using Carnet.Accounts;
using Carnet.Identifiers;
using Carnet.Mail;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn.Challenges;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Carnet.SignIn.People;

/// <summary>
/// First step of a person's sign-in (DOMAIN.md §3.3): login and password. Holders then receive a one-time
/// code on a registered contact (e-mail by default, SMS on request); professionals and operators type
/// the code of their authenticator app. A wrong login and a wrong password get the same answer.
/// </summary>
public sealed class StartSignIn(
    CarnetDbContext db,
    UserManager<Account> users,
    AccountLockout lockout,
    Outbox outbox,
    TimeProvider clock,
    IOptions<SignInOptions> options)
{
    public const string SignInCodePurpose = "sign-in-code";

    public sealed record Request(string? Login, string? Password, SecondFactor? SendTo = null);

    /// <summary>The challenge to answer: its token, how the code reaches the person and where it was sent (masked).</summary>
    public sealed record Result(string ChallengeToken, SecondFactor Factor, string? SentTo, DateTimeOffset ExpiresAt);

    public async Task<Result> HandleAsync(Request request, CancellationToken ct)
    {
        var account = await FindAsync(request.Login);
        if (account?.PasswordHash is null)
        {
            // Hash anyway, so that an unknown login takes as long as a wrong password.
            users.PasswordHasher.VerifyHashedPassword(new Account(), DummyHash.Value, request.Password ?? "");
            throw InvalidCredentials();
        }

        await lockout.ReserveAttemptAsync(account, ct);
        if (string.IsNullOrEmpty(request.Password)
            || users.PasswordHasher.VerifyHashedPassword(account, account.PasswordHash, request.Password) == PasswordVerificationResult.Failed)
        {
            await lockout.RecordFailureAsync(account, ct);
            throw InvalidCredentials();
        }

        await lockout.ReleaseAttemptAsync(account, ct);

        var now = clock.GetUtcNow();
        var factor = account.Kind == AccountKind.Holder ? Reachable(account, request.SendTo) : SecondFactor.Authenticator;
        var (challenge, token) = SignInChallenge.Open(account.Id, ChallengePurpose.SignIn, factor, now, options.Value.OneTimeCodeLifetime);
        db.SignInChallenges.Add(challenge);
        var sentTo = factor == SecondFactor.Authenticator ? null : SendCode(outbox, account, challenge, factor, now);
        await db.SaveChangesAsync(ct);
        return new Result(token, factor, sentTo, challenge.ExpiresAt);
    }

    /// <summary>The account of a login; a professional may type their 11-digit RPPS number, whose idNat_PS is their login.</summary>
    private async Task<Account?> FindAsync(string? login)
    {
        if (string.IsNullOrWhiteSpace(login) || login.Length > 256)
        {
            return null;
        }

        var trimmed = login.Trim();
        var account = await users.FindByNameAsync(trimmed);
        if (account is null && Rpps.TryParse(trimmed, "login", out var rpps, out _))
        {
            account = await users.FindByNameAsync(ProfessionalId.FromRpps(rpps).Value);
        }

        return account;
    }

    /// <summary>Sends a new code of <paramref name="challenge"/> to the account's contact; returns the contact, masked.</summary>
    internal static string SendCode(Outbox outbox, Account account, SignInChallenge challenge, SecondFactor factor, DateTimeOffset now)
    {
        var code = challenge.IssueCode(factor, now);
        var signIn = challenge.Purpose == ChallengePurpose.SignIn;
        if (factor == SecondFactor.Sms)
        {
            outbox.Sms(account.PhoneNumber!, signIn ? SignInMessages.SignInCodeSms(code) : SignInMessages.PasswordResetCode(code).Body, SignInCodePurpose, account.HolderRecordId);
            return ContactDetails.MaskMobile(account.PhoneNumber!);
        }

        var text = signIn ? SignInMessages.SignInCode(code) : SignInMessages.PasswordResetCode(code);
        outbox.Email(account.Email!, text.Subject, text.Body, SignInCodePurpose, account.HolderRecordId);
        return ContactDetails.MaskEmail(account.Email!);
    }

    /// <summary>The contact to send the code to: the one asked for when it is confirmed, else e-mail, else SMS.</summary>
    internal static SecondFactor Reachable(Account account, SecondFactor? asked)
    {
        var email = account.Email is not null && account.EmailConfirmed;
        var sms = account.PhoneNumber is not null && account.PhoneNumberConfirmed;
        return asked switch
        {
            SecondFactor.Sms when sms => SecondFactor.Sms,
            SecondFactor.Email when email => SecondFactor.Email,
            _ when email => SecondFactor.Email,
            _ when sms => SecondFactor.Sms,
            _ => throw new SignInRefusedException("no_confirmed_contact", "This account has no confirmed e-mail address or mobile number to send a code to. Call the Carnet service."),
        };
    }

    private static SignInRefusedException InvalidCredentials() =>
        new(SignInRefusedException.InvalidCredentials, "The login or the password is not right. Check both (the password is case-sensitive), or reset your password.");

    /// <summary>A hash of a random password, computed once, to spend the same time on unknown logins.</summary>
    private static class DummyHash
    {
        public static readonly string Value = new PasswordHasher<Account>().HashPassword(new Account(), Secrets.Token());
    }
}
