using Carnet.Audit;
using Carnet.Identifiers;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carnet.Access;

/// <summary>
/// A professional opens a secret connection with a minor who asked to keep their care from their parents
/// (CSP L.1111-5): for <see cref="AccessOptions.SecretConnectionLifetime"/>, everything this professional
/// deposits in the minor's record is hidden from the legal representatives. Only on a minor's open record.
/// </summary>
public sealed class OpenSecretConnection(CarnetDbContext db, AccessGate gate, TimeProvider clock, IOptions<AccessOptions> options, IOptions<RecordsOptions> records)
{
    public sealed record Result(Guid RecordId, DateTimeOffset ExpiresAt);

    public async Task<Result> HandleAsync(Caller caller, Ins patient, CancellationToken ct)
    {
        if (caller.Professional is not { } professional || PurposeOfUse.IsForbidden(caller.Purpose))
        {
            throw new RecordNotFoundException(HealthDataRefusals.NotFound);
        }

        // Only a professional who may consult the record in normal mode (care team, consent, role): never a stranger,
        // who could otherwise act unseen by the parents.
        var record = await gate.ConsultableRecords(caller with { Mode = Audit.AccessMode.Normal }).AsNoTracking()
            .Where(r => r.Nir == patient.Nir && r.InsAuthority == patient.Authority)
            .Select(r => new { r.Id, r.BirthDate })
            .FirstOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException(HealthDataRefusals.NotFound);
        var now = clock.GetUtcNow();
        var today = records.Value.Today(now);
        if (today >= record.BirthDate.AddYears(LifecycleRules.AgeOfMajority))
        {
            throw new AccessException(AccessException.NotAMinor, "A secret connection is only for a minor's record: this person is of age, and their representatives already have no access.");
        }

        var connection = SecretConnection.Open(record.Id, professional.IdNatPs, now, options.Value.SecretConnectionLifetime);
        db.SecretConnections.Add(connection);
        db.Traces.Add(Trace.Of(record.Id, caller.Actor, TraceActions.SecretConnectionOpened, now, null, caller.Mode));
        await db.SaveChangesAsync(ct);
        return new Result(record.Id, connection.ExpiresAt);
    }
}
