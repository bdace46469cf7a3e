using Carnet.Persistence;
using Carnet.Records.Credentials;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Records.Enrolment;

/// <summary>
/// Activation: the live rules for a login and password being typed, checked against the person's own
/// data (a password may not contain their name, birth date, NIR or contacts). Saves nothing.
/// </summary>
public sealed class CheckCredentials(CarnetDbContext db, ActivationSessions sessions, PasswordRules passwordRules)
{
    public sealed record Request(string? ActivationToken, string? Login, string? Password);

    public async Task<IReadOnlyList<CredentialProblem>> HandleAsync(Request request, CancellationToken ct)
    {
        var session = await sessions.FindAsync(request.ActivationToken, ct);
        var record = await db.Records.AsNoTracking().SingleAsync(r => r.Id == session.RecordId, ct);
        return Check(record, session, request.Login, request.Password, passwordRules);
    }

    internal static List<CredentialProblem> Check(HealthRecord record, ActivationSession session, string? login, string? password, PasswordRules passwordRules)
    {
        var personal = new PersonalData(
            login,
            record.FamilyName,
            record.GivenNames,
            record.BirthDate,
            record.Nir.Value,
            session.Email.Address ?? record.Email,
            session.Mobile.Address ?? record.Mobile);
        return [.. LoginRules.Check(login), .. passwordRules.Check(password, personal)];
    }
}
