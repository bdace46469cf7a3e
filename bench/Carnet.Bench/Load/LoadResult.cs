namespace Carnet.Bench.Load;

/// <summary>What one scenario measured: successful calls per second, latency percentiles (ms), and the failures by reason.</summary>
public sealed record LoadResult(
    string Scenario,
    int Clients,
    double Seconds,
    long Succeeded,
    long Failed,
    double PerSecond,
    double P50,
    double P95,
    double P99,
    double Max,
    IReadOnlyList<long> SucceededEachSecond,
    IReadOnlyDictionary<string, int> Failures)
{
    public static LoadResult Of(string scenario, int clients, TimeSpan duration, IReadOnlyCollection<(long At, long Ticks)> samples, IReadOnlyDictionary<string, int> failures, long frequency)
    {
        var latencies = samples.Select(s => s.Ticks * 1000.0 / frequency).Order().ToArray();
        var seconds = (int)Math.Ceiling(duration.TotalSeconds);
        var each = new long[seconds];
        foreach (var (at, _) in samples)
        {
            each[Math.Min(seconds - 1, (int)(at / frequency))]++;
        }

        return new LoadResult(
            scenario,
            clients,
            duration.TotalSeconds,
            latencies.Length,
            failures.Values.Sum(),
            latencies.Length / duration.TotalSeconds,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.95),
            Percentile(latencies, 0.99),
            latencies.Length == 0 ? 0 : latencies[^1],
            each,
            failures);
    }

    /// <summary>The nearest-rank percentile of sorted values (0 when there are none).</summary>
    public static double Percentile(double[] sorted, double rank) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(rank * sorted.Length) - 1, 0, sorted.Length - 1)];
}
