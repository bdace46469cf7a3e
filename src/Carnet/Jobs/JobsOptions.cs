namespace Carnet.Jobs;

/// <summary>Configuration section <c>Carnet:Jobs</c>.</summary>
public sealed class JobsOptions
{
    /// <summary>Run the scheduler in this process (turn off on nodes that only serve requests).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the scheduler looks for due jobs.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a node may hold a job before another may take it over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Per-job interval overrides, by job name.</summary>
    public IDictionary<string, TimeSpan> Intervals { get; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
}
