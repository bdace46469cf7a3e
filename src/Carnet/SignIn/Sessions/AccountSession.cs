namespace Carnet.SignIn.Sessions;

/// <summary>
/// One signed-in device (DOMAIN.md §3.3: the holder lists and revokes devices and sessions). Stored so
/// that any node can check it on every request: a revoked session is refused at its next request.
/// </summary>
public sealed class AccountSession
{
    private AccountSession()
    {
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset LastSeenAt { get; private set; }

    /// <summary>The session ends then, however active it is.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public SessionEnd? EndReason { get; private set; }

    /// <summary>What the person sees in their list of devices: browser and system, from the User-Agent.</summary>
    public string Device { get; private set; } = "";

    /// <summary>How the person proved who they are (RFC 8176 amr values, space-separated).</summary>
    public string Methods { get; private set; } = "";

    public static AccountSession Start(Guid accountId, string device, string methods, DateTimeOffset at, TimeSpan lifetime) => new()
    {
        Id = Guid.CreateVersion7(at),
        AccountId = accountId,
        StartedAt = at,
        LastSeenAt = at,
        ExpiresAt = at + lifetime,
        Device = device.Length > 200 ? device[..200] : device,
        Methods = methods,
    };

    public bool IsActive(DateTimeOffset now, TimeSpan idleTimeout) =>
        EndedAt is null && now < ExpiresAt && now - LastSeenAt < idleTimeout;

    public void End(SessionEnd reason, DateTimeOffset at)
    {
        if (EndedAt is null)
        {
            EndedAt = at;
            EndReason = reason;
        }
    }
}
