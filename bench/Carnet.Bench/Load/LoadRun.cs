using System.Diagnostics;

namespace Carnet.Bench.Load;

/// <summary>
/// Runs one operation from <c>clients</c> concurrent workers, each waiting for its answer before the next call
/// (closed loop), for the warm-up then the measured duration. Every answer is checked by the operation; the
/// failures are counted by what was wrong, never hidden in the latencies.
/// </summary>
public static class LoadRun
{
    /// <summary>One call: null when its answer was right, else what was wrong.</summary>
    public delegate Task<string?> Operation(int worker, CancellationToken ct);

    public static async Task<LoadResult> RunAsync(string scenario, int clients, TimeSpan warmup, TimeSpan duration, Operation operation)
    {
        var start = Stopwatch.GetTimestamp();
        var measuredFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var end = measuredFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var samples = new List<(long At, long Ticks)>[clients];
        var failures = new Dictionary<string, int>[clients];
        using var stop = new CancellationTokenSource(warmup + duration + TimeSpan.FromSeconds(60));

        await Task.WhenAll(Enumerable.Range(0, clients).Select(worker => Task.Run(async () =>
        {
            var mine = samples[worker] = new List<(long, long)>(capacity: 16_384);
            var wrong = failures[worker] = new Dictionary<string, int>(StringComparer.Ordinal);
            while (Stopwatch.GetTimestamp() < end)
            {
                var before = Stopwatch.GetTimestamp();
                string? failure;
                try
                {
                    failure = await operation(worker, stop.Token);
                }
#pragma warning disable CA1031 // A refused connection or a timeout is a failed call to count, not a reason to stop the run.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failure = $"{e.GetType().Name}: {e.Message}";
                }

                var after = Stopwatch.GetTimestamp();
                if (before < measuredFrom || after > end)
                {
                    continue;
                }

                if (failure is null)
                {
                    mine.Add((after - measuredFrom, after - before));
                }
                else
                {
                    wrong[failure] = wrong.GetValueOrDefault(failure) + 1;
                }
            }
        })));

        var all = samples.SelectMany(s => s).ToList();
        var failed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (reason, count) in failures.SelectMany(f => f))
        {
            failed[reason] = failed.GetValueOrDefault(reason) + count;
        }

        return LoadResult.Of(scenario, clients, duration, all, failed, Stopwatch.Frequency);
    }
}
