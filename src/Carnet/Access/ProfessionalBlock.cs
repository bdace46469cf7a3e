using Carnet.Audit;

namespace Carnet.Access;

/// <summary>
/// A professional the holder (or one of their administrator professionals) blocked on a record: no access to
/// documents at all, whatever consent or role (DOMAIN.md §5). Lifting it does not restore access.
/// </summary>
public sealed class ProfessionalBlock
{
    private ProfessionalBlock()
    {
    }

    public Guid Id { get; private set; }

    public Guid RecordId { get; private set; }

    public string IdNatPs { get; private set; } = "";

    public string ProfessionalName { get; private set; } = "";

    public DateTimeOffset BlockedAt { get; private set; }

    public ActorKind BlockedByKind { get; private set; }

    public string BlockedByName { get; private set; } = "";

    public DateTimeOffset? LiftedAt { get; private set; }

    public bool IsActive => LiftedAt is null;

    public static ProfessionalBlock Of(Guid recordId, string idNatPs, string name, Actor by, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        RecordId = recordId,
        IdNatPs = idNatPs,
        ProfessionalName = name,
        BlockedAt = at,
        BlockedByKind = by.Kind,
        BlockedByName = by.DisplayName,
    };

    public void Lift(DateTimeOffset at) => LiftedAt ??= at;
}
