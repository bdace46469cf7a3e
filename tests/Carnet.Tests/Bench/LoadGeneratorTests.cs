using Carnet.Bench.Load;

namespace Carnet.Tests.Bench;

/// <summary>The load generator's arithmetic and verdicts: what the benchmark reports must follow from what it measured.</summary>
public sealed class LoadGeneratorTests
{
    [Fact]
    public void Percentiles_rates_and_seconds_follow_the_samples()
    {
        // 100 calls of 1 to 100 ms, at 1,000 ticks a second, finishing over the 2 seconds measured.
        var samples = Enumerable.Range(1, 100).Select(i => (At: (long)(i * 19), Ticks: (long)i)).ToList();

        var result = LoadResult.Of("find", 8, TimeSpan.FromSeconds(2), samples, new Dictionary<string, int>(StringComparer.Ordinal) { ["find: HTTP 500"] = 3 }, 1000);

        result.Succeeded.ShouldBe(100);
        result.Failed.ShouldBe(3);
        result.PerSecond.ShouldBe(50);
        (result.P50, result.P95, result.P99, result.Max).ShouldBe((50, 95, 99, 100));
        result.SucceededEachSecond.ShouldBe([52, 48]);
    }

    [Fact]
    public void A_target_is_met_only_by_its_rate_its_p99_and_no_failed_call()
    {
        var find = LoadTarget.ByScenario["find"];
        static LoadResult Run(double perSecond, double p99, long failed) => new("find", 8, 30, 1000, failed, perSecond, 1, 2, p99, p99, [], new Dictionary<string, int>(StringComparer.Ordinal));

        find.MetBy(Run(2_100, 19, 0)).ShouldBeTrue();
        find.MetBy(Run(1_999, 19, 0)).ShouldBeFalse();
        find.MetBy(Run(2_100, 21, 0)).ShouldBeFalse();
        find.MetBy(Run(2_100, 19, 1)).ShouldBeFalse();
        LoadTarget.ByScenario["retrieve"].MetBy(Run(2_100, 500, 0)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_run_counts_wrong_answers_and_exceptions_as_failures_never_as_latencies()
    {
        var calls = 0;
        var result = await LoadRun.RunAsync("deposit", 2, TimeSpan.Zero, TimeSpan.FromMilliseconds(300), async (_, ct) =>
        {
            await Task.Delay(5, ct);
            return (Interlocked.Increment(ref calls) % 3) switch
            {
                0 => "deposit: an entry did not answer 201",
                1 => throw new HttpRequestException("Connection refused"),
                _ => null,
            };
        });

        result.Succeeded.ShouldBeGreaterThan(0);
        result.Failures.Keys.ShouldBe(["deposit: an entry did not answer 201", "HttpRequestException: Connection refused"], ignoreOrder: true);
        (result.Succeeded + result.Failed).ShouldBeInRange(calls - 2, calls);
    }

    [Fact]
    public void Storage_and_memory_verdicts_follow_the_targets()
    {
        const long Mb = 1024 * 1024;
        var footprint = new Footprint(100, 1000 * Mb, 40 * Mb, 1010 * Mb, 390 * Mb, 200, 300 * Mb, 370 * Mb, null);

        footprint.StorageRatio.ShouldBe(1.05);
        footprint.Rows().Select(r => r.Met).ShouldBe([true, true, false]);
        (footprint with { BlobBytes = 1100 * Mb }).Rows().First().Met.ShouldBeFalse();
        (footprint with { BigDepositFailure = "Binary: HTTP 413" }).Rows().Last().Met.ShouldBeFalse();
    }
}
