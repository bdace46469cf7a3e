using Carnet.Audit;
using Carnet.Persistence;

namespace Carnet.Records.Enrolment;

/// <summary>
/// A person, proving who they are with NIR + Vitale serial + provisional code, objects to the
/// creation of their record, changes their mind, closes it or asks for its deletion (DOMAIN.md §3).
/// A refused step does not use up the code.
/// </summary>
public sealed class HolderLifecycleRequest(CarnetDbContext db, IdentityProof proof, ChangeLifecycle lifecycle, TimeProvider clock)
{
    private static readonly LifecycleStep[] Allowed =
        [LifecycleStep.ObjectToCreation, LifecycleStep.Reopen, LifecycleStep.Close, LifecycleStep.CloseAndDelete, LifecycleStep.RequestDeletion];

    public sealed record Request(string? Nir, string? VitaleSerial, string? ProvisionalCode, LifecycleStep Step);

    public async Task<RecordState> HandleAsync(Request request, CancellationToken ct)
    {
        if (!Allowed.Contains(request.Step))
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Step, "Only the holder's own lifecycle steps are allowed here.");
        }

        var (record, code) = await proof.VerifyAsync(request.Nir, request.VitaleSerial, request.ProvisionalCode, ct);
        lifecycle.Apply(record, request.Step, new Actor(ActorKind.Holder, record.Id.ToString(), record.DisplayName));
        code.Use(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return record.State;
    }
}
