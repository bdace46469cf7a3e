namespace Carnet.Jobs;

/// <summary>
/// Which node runs a job right now. The lease avoids wasted work when several nodes are up; the
/// jobs' correctness does not depend on it.
/// </summary>
public sealed class JobLease
{
    public string Name { get; set; } = "";

    public string? Holder { get; set; }

    public DateTimeOffset? LeasedUntil { get; set; }

    public DateTimeOffset? LastRunAt { get; set; }

    public int? LastHandled { get; set; }
}
