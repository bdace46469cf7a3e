using Carnet.Accounts;
using Carnet.Audit;
using Carnet.Persistence;
using Carnet.Records.Credentials;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Records.Enrolment;

/// <summary>
/// Last step of activation (DOMAIN.md §3.3): with both contacts confirmed, the person chooses a login
/// and a password and accepts the terms. The account is created and the record activated in one unit
/// of work; a record still in its opposition window is created now.
/// </summary>
public sealed class CompleteActivation(
    CarnetDbContext db,
    ActivationSessions sessions,
    UserManager<Account> users,
    PasswordRules passwordRules,
    TimeProvider clock)
{
    public sealed record Request(string? ActivationToken, string? Login, string? Password, bool AcceptTerms);

    public sealed record Result(Guid RecordId, string Login);

    public async Task<Result> HandleAsync(Request request, CancellationToken ct)
    {
        var session = await sessions.FindAsync(request.ActivationToken, ct);
        var record = await db.Records.SingleAsync(r => r.Id == session.RecordId, ct);
        var now = clock.GetUtcNow();
        if (!request.AcceptTerms)
        {
            throw new LifecycleException("terms_not_accepted", "Read and accept the terms of use to activate your record.");
        }

        var problems = CheckCredentials.Check(record, session, request.Login, request.Password, passwordRules);
        if (problems.Count > 0)
        {
            throw new CredentialsRejectedException(problems);
        }

        if (await users.FindByNameAsync(request.Login!) is not null)
        {
            throw new CredentialsRejectedException([new CredentialProblem("login_taken", "This login is already used: choose another one.")]);
        }

        session.Complete(now);
        var holder = new Actor(ActorKind.Holder, record.Id.ToString(), record.DisplayName);
        if (record.State != RecordState.Open)
        {
            db.Traces.Add(Trace.Of(record.Id, holder, TraceActions.RecordCreated, now));
        }

        record.Activate(now);
        db.Traces.Add(Trace.Of(record.Id, holder, TraceActions.RecordActivated, now));
        var account = new Account
        {
            Id = Guid.CreateVersion7(now),
            Kind = AccountKind.Holder,
            UserName = request.Login,
            Email = session.Email.Address,
            EmailConfirmed = true,
            PhoneNumber = session.Mobile.Address,
            PhoneNumberConfirmed = true,
            HolderRecordId = record.Id,
            CreatedAt = now,
            TermsAcceptedAt = now,
        };

        // The store saves the context: the account, the record, the session and the traces commit together.
        var created = await users.CreateAsync(account, request.Password!);
        if (!created.Succeeded)
        {
            throw new CredentialsRejectedException([.. created.Errors.Select(e => new CredentialProblem(e.Code, e.Description))]);
        }

        return new Result(record.Id, account.UserName!);
    }
}
