namespace Carnet.Bench.Load;

/// <summary>A scenario's target (issue #7, on the 2-core machine kind with the load generator beside Carnet): at least so many calls per second, and a p99 under so many ms.</summary>
public sealed record LoadTarget(double PerSecond, double? P99Below)
{
    public static IReadOnlyDictionary<string, LoadTarget> ByScenario { get; } = new Dictionary<string, LoadTarget>(StringComparer.Ordinal)
    {
        ["deposit"] = new(1_000, 100),
        ["find"] = new(2_000, 20),
        ["retrieve"] = new(2_000, null),
        ["retrieve-seeded"] = new(2_000, null),
    };

    public bool MetBy(LoadResult result) => result.Failed == 0 && result.PerSecond >= PerSecond && (P99Below is not { } p99 || result.P99 < p99);

    public override string ToString() => P99Below is { } p99 ? $"≥ {PerSecond:N0}/s, p99 < {p99:N0} ms" : $"≥ {PerSecond:N0}/s";
}
