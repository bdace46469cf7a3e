namespace Carnet.Jobs;

/// <summary>
/// A job run on a schedule by every node. Jobs must be safe when two nodes run them at once: each
/// item changes state through a conditional, versioned update, so it is handled once (docs/adr/0005).
/// </summary>
public interface IScheduledJob
{
    /// <summary>Does the work that is due now; returns how many items were handled.</summary>
    Task<int> RunAsync(CancellationToken ct);
}
