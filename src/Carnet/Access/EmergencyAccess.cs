using Carnet.Audit;

namespace Carnet.Access;

/// <summary>
/// An emergency access a professional opened on a record (mode bris_de_glace or centre_15). It lasts at most
/// <see cref="AccessOptions.EmergencyAccessLifetime"/> (5 days by default, as Australia's My Health Record
/// does), then a new one must be opened: traced and notified to the holder again. Beyond the real service.
/// </summary>
public sealed class EmergencyAccess
{
    private EmergencyAccess()
    {
    }

    public Guid Id { get; private set; }

    public Guid RecordId { get; private set; }

    public string IdNatPs { get; private set; } = "";

    public AccessMode Mode { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public void End(DateTimeOffset at)
    {
        if (ExpiresAt > at)
        {
            ExpiresAt = at;
        }
    }

    public static EmergencyAccess Open(Guid recordId, string idNatPs, AccessMode mode, DateTimeOffset at, TimeSpan lifetime) => new()
    {
        Id = Guid.CreateVersion7(at),
        RecordId = recordId,
        IdNatPs = idNatPs,
        Mode = mode,
        OpenedAt = at,
        ExpiresAt = at + lifetime,
    };
}
