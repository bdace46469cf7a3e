using System.Security.Cryptography;
using Carnet.Accounts;
using Carnet.Identifiers;
using Carnet.Persistence;
using Carnet.Professionals;
using Carnet.Records.Credentials;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Carnet.SignIn.People;

/// <summary>
/// The operator opens the account of a professional (login: their idNat_PS, so they sign in with their
/// RPPS number) or of a member of the operator's staff, with a random first password and an authenticator
/// secret, shown once to be handed over. Issuing again replaces both and ends the account's sessions:
/// it is also how a professional who lost them is helped.
/// </summary>
public sealed class IssueStaffAccount(CarnetDbContext db, UserManager<Account> users, PasswordRules rules, AuthenticatorKeys authenticator, NewPassword newPassword, Mail.Outbox outbox, TimeProvider clock)
{
    private const string PasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789#%+=!?@";

    /// <summary>For a professional, their RPPS or idNat_PS; for an operator, a login and an e-mail address.</summary>
    public sealed record Request(AccountKind Kind, string? Professional = null, string? Login = null, string? Email = null);

    public sealed record Result(string Login, string FirstPassword, string AuthenticatorUri);

    public async Task<Result> HandleAsync(Request request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Professional? professional = null;
        string login;
        if (request.Kind == AccountKind.Professional)
        {
            var id = ParseProfessional(request.Professional);
            professional = await db.Professionals.SingleOrDefaultAsync(p => p.IdNatPs == id, ct)
                ?? throw new RegistrationException("unknown_professional", $"No professional with idNat_PS {id.Value} is registered: register them first (carnet professionals register).");
            login = id.Value;
        }
        else if (request.Kind == AccountKind.Operator)
        {
            var problems = LoginRules.Check(request.Login);
            if (problems.Count > 0)
            {
                throw new RegistrationException("invalid_login", $"login: {problems[0].Message}");
            }

            login = request.Login!;
        }
        else
        {
            throw new RegistrationException("holder_account", "Holders open their own account by activating their record.");
        }

        var account = await db.Users.SingleOrDefaultAsync(a => a.NormalizedUserName == users.NormalizeName(login), ct);
        if (account is not null && account.Kind != request.Kind)
        {
            throw new RegistrationException("login_taken", $"The login {login} is already used by another kind of account. Choose another one.");
        }

        var password = FirstPassword(new PersonalData(login, professional?.FamilyName, professional?.GivenNames, null, null, professional?.Email ?? request.Email, null));
        if (account is null)
        {
            account = new Account
            {
                Id = Guid.CreateVersion7(now),
                Kind = request.Kind,
                UserName = login,
                Email = professional?.Email ?? request.Email,
                EmailConfirmed = (professional?.Email ?? request.Email) is not null,
                ProfessionalId = professional?.Id,
                CreatedAt = now,
            };
            var uri = authenticator.Enrol(account);
            var created = await users.CreateAsync(account, password);
            if (!created.Succeeded)
            {
                throw new RegistrationException("account_refused", string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            return new Result(login, password, uri);
        }

        var reissued = authenticator.Enrol(account);
        account.PasswordHash = users.PasswordHasher.HashPassword(account, password);
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        account.AccessFailedCount = 0;
        account.LockoutEnd = null;
        // Everything that signed in before goes, passkeys too. The person is told, so a re-issue they did not ask for is noticed.
        await newPassword.EndSignInsAsync(account, keepSession: null, removePasskeys: true, ct);
        if (account.Email is not null)
        {
            var text = SignInMessages.CredentialsReissued();
            outbox.Email(account.Email, text.Subject, text.Body, StartSignIn.SignInCodePurpose);
        }

        await db.SaveChangesAsync(ct);
        return new Result(login, password, reissued);
    }

    /// <summary>An RPPS (11 digits) or an idNat_PS; a professional types their RPPS number to sign in too.</summary>
    public static ProfessionalId ParseProfessional(string? value)
    {
        var trimmed = value?.Trim();
        return trimmed is { Length: 11 } && trimmed.All(char.IsAsciiDigit)
            ? ProfessionalId.FromRpps(Rpps.Parse(trimmed))
            : ProfessionalId.Parse(trimmed);
    }

    private string FirstPassword(PersonalData personal)
    {
        while (true)
        {
            var candidate = RandomNumberGenerator.GetString(PasswordAlphabet, 16);
            if (rules.Check(candidate, personal).Count == 0)
            {
                return candidate;
            }
        }
    }
}
