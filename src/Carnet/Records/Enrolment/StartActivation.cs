using Carnet.Persistence;
using Microsoft.Extensions.Options;

namespace Carnet.Records.Enrolment;

/// <summary>
/// First step of activation (DOMAIN.md §3.3): NIR + Vitale serial + provisional code open an activation
/// that lasts one hour. The code is used up only when the activation actually starts.
/// </summary>
public sealed class StartActivation(CarnetDbContext db, IdentityProof proof, TimeProvider clock, IOptions<RecordsOptions> options)
{
    public sealed record Request(string? Nir, string? VitaleSerial, string? ProvisionalCode);

    public sealed record Result(string ActivationToken, DateTimeOffset ExpiresAt, string GivenNames, string? KnownEmail, string? KnownMobile);

    public async Task<Result> HandleAsync(Request request, CancellationToken ct)
    {
        var (record, code) = await proof.VerifyAsync(request.Nir, request.VitaleSerial, request.ProvisionalCode, ct);
        var now = clock.GetUtcNow();
        if (record.IsMinorOn(options.Value.Today(now)))
        {
            throw new LifecycleException("minor_record", "A minor's record is managed from a legal representative's account: activate your own record, and your child's record will appear in it.");
        }

        record.EnsureActivatable();
        code.Use(now);
        var (session, token) = ActivationSession.Start(record.Id, now);
        db.ActivationSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return new Result(
            token,
            session.ExpiresAt,
            record.GivenNames,
            record.Email is null ? null : ContactDetails.MaskEmail(record.Email),
            record.Mobile is null ? null : ContactDetails.MaskMobile(record.Mobile));
    }
}
