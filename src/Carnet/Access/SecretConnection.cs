namespace Carnet.Access;

/// <summary>
/// A professional's "secret connection" with a minor (CSP L.1111-5: a minor may keep care secret from their
/// parents): while it lasts, everything that professional deposits in the minor's record is hidden from the
/// legal representatives (INVISIBLE_REPRESENTANTS_LEGAUX), whatever the depositor's software sent.
/// </summary>
public sealed class SecretConnection
{
    private SecretConnection()
    {
    }

    public Guid Id { get; private set; }

    public Guid RecordId { get; private set; }

    public string IdNatPs { get; private set; } = "";

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public static SecretConnection Open(Guid recordId, string idNatPs, DateTimeOffset at, TimeSpan lifetime) => new()
    {
        Id = Guid.CreateVersion7(at),
        RecordId = recordId,
        IdNatPs = idNatPs,
        OpenedAt = at,
        ExpiresAt = at + lifetime,
    };

    public void Close(DateTimeOffset at)
    {
        if (ExpiresAt > at)
        {
            ExpiresAt = at;
        }
    }
}
