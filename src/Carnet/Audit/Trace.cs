namespace Carnet.Audit;

/// <summary>
/// One read or write on a record, shown to the holder (DOMAIN.md §6). Append-only: written in the
/// same unit of work as the change it describes (STYLE.md rule 5). Tamper-evident: the
/// <c>audit.seal-traces</c> job later chains it into its record's hash chain (docs/adr/0011).
/// </summary>
public sealed class Trace
{
    private Trace()
    {
    }

    public long Id { get; private set; }

    public Guid RecordId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public ActorKind ActorKind { get; private set; }

    public string ActorId { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    public string Action { get; private set; } = "";

    /// <summary>What was touched, without health data: an id or a short technical label.</summary>
    public string? Target { get; private set; }

    public AccessMode AccessMode { get; private set; }

    /// <summary>The trace's position in its record's chain (1, 2, …); null until sealed.</summary>
    public long? Sequence { get; private set; }

    /// <summary>SHA-256 of the previous link's hash and this trace's canonical bytes (<see cref="TraceChain"/>); null until sealed.</summary>
    public byte[]? Hash { get; private set; }

    /// <summary>Puts the trace in its record's chain; the only change a trace ever receives.</summary>
    internal void Seal(long sequence, byte[] previousHash)
    {
        Sequence = sequence;
        Hash = TraceChain.Link(previousHash, this, sequence);
    }

    /// <summary>Names a holder-side actor who acted for someone else (the delegations' SaveChanges interceptor sets it).</summary>
    internal void ActedAs(ActorKind kind) => ActorKind = kind;

    public static Trace Of(Guid recordId, Actor actor, string action, DateTimeOffset at, string? target = null, AccessMode mode = AccessMode.Normal) => new()
    {
        RecordId = recordId,
        At = at,
        ActorKind = actor.Kind,
        ActorId = actor.Id,
        ActorName = actor.DisplayName,
        Action = action,
        Target = target,
        AccessMode = mode,
    };
}
