using Carnet.Accounts;
using Carnet.Mail;
using Carnet.Persistence;
using Carnet.Records.Credentials;
using Carnet.Records.Enrolment;
using Carnet.SignIn.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Carnet.SignIn.People;

/// <summary>
/// Sets a new password the way activation does (DOMAIN.md §3.3: length, character classes, no personal
/// data, no dictionary word), ends the account's other sessions and tells the person, in the caller's
/// unit of work.
/// </summary>
public sealed class NewPassword(CarnetDbContext db, UserManager<Account> users, PasswordRules rules, Outbox outbox, TimeProvider clock)
{
    /// <summary>Sets the password; the account's other sessions end (and its passkeys go when <paramref name="removePasskeys"/>).</summary>
    public async Task SetAsync(Account account, string? password, Guid? keepSession, CancellationToken ct, bool removePasskeys = false)
    {
        var problems = rules.Check(password, await PersonalDataAsync(account, ct));
        if (problems.Count > 0)
        {
            throw new CredentialsRejectedException(problems);
        }

        account.PasswordHash = users.PasswordHasher.HashPassword(account, password!);
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        await EndSignInsAsync(account, keepSession, removePasskeys, ct);
        if (account.Email is not null && account.EmailConfirmed)
        {
            var text = SignInMessages.PasswordChanged();
            outbox.Email(account.Email, text.Subject, text.Body, StartSignIn.SignInCodePurpose, account.HolderRecordId);
        }
    }

    /// <summary>
    /// Ends what signed in with the old credentials, in the caller's unit of work: every open session but
    /// <paramref name="keepSession"/>, and the passkeys too when whoever sets the password may be the only
    /// one to hold the account now (a reset, the operator's re-issue).
    /// </summary>
    public async Task EndSignInsAsync(Account account, Guid? keepSession, bool removePasskeys, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var session in await db.AccountSessions.Where(s => s.AccountId == account.Id && s.EndedAt == null && s.Id != keepSession).ToListAsync(ct))
        {
            session.End(SessionEnd.PasswordChanged, now);
        }

        if (removePasskeys)
        {
            db.UserPasskeys.RemoveRange(await db.UserPasskeys.Where(p => p.UserId == account.Id).ToListAsync(ct));
        }
    }

    private async Task<PersonalData> PersonalDataAsync(Account account, CancellationToken ct)
    {
        if (account.HolderRecordId is { } recordId)
        {
            var r = await db.Records.AsNoTracking().SingleAsync(x => x.Id == recordId, ct);
            return new PersonalData(account.UserName, r.FamilyName, r.GivenNames, r.BirthDate, r.Nir.Value, r.Email, r.Mobile);
        }

        if (account.ProfessionalId is { } professionalId)
        {
            var p = await db.Professionals.AsNoTracking().SingleAsync(x => x.Id == professionalId, ct);
            return new PersonalData(account.UserName, p.FamilyName, p.GivenNames, null, p.IdNatPs.Value, p.Email, null);
        }

        return new PersonalData(account.UserName, null, null, null, null, account.Email, account.PhoneNumber);
    }
}
