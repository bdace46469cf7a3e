using System.Security.Cryptography;
using Carnet.Bench.Seed;
using Carnet.Identifiers;
using Carnet.Persistence;
using Carnet.Tests.Testing;

namespace Carnet.Tests.Bench;

public sealed class ScaleSeederTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_plan_gives_exactly_the_asked_totals_with_a_long_tail()
    {
        var plan = SeedPlan.Create(20_000, 200_000, 1_000_000, 42, Now);

        plan.DocumentsPerRecord.Sum().ShouldBe(200_000);
        plan.TracesPerRecord.Sum(t => (long)t).ShouldBe(1_000_000);
        var bands = plan.Histogram().ToDictionary(b => b.Band, b => b.Records, StringComparer.Ordinal);
        (bands["0"] + bands["1-10"]).ShouldBeGreaterThan(plan.Records / 2);
        bands["101-1000"].ShouldBeGreaterThan(0);
        Enumerable.Range(0, plan.Records).ShouldAllBe(r => plan.TracesPerRecord[r] >= plan.BaseTraces(r));
    }

    [Fact]
    public void Seeded_NIRs_are_valid_unique_and_never_the_demos()
    {
        var plan = SeedPlan.Create(50_000, 0, 100_000, 7, Now);
        string[] demo = ["2850375056123", "1140669123045", "152112A004017", "2990113055221"];

        var nirs = Enumerable.Range(0, plan.Records).Select(r => plan.NirOf(r).Value).ToList();

        nirs.Count(n => Nir.TryParse(n, out _)).ShouldBe(plan.Records);
        nirs.Distinct(StringComparer.Ordinal).Count().ShouldBe(plan.Records);
        nirs.Select(n => n[..13]).Intersect(demo, StringComparer.Ordinal).ShouldBeEmpty();
    }

    [Fact]
    public void The_same_seed_gives_the_same_plan()
    {
        var first = SeedPlan.Create(1_000, 10_000, 50_000, 3, Now);
        var second = SeedPlan.Create(1_000, 10_000, 50_000, 3, Now.AddDays(5));

        second.DocumentsPerRecord.ShouldBe(first.DocumentsPerRecord);
        Enumerable.Range(0, 1_000).Select(r => second.NirOf(r).Value).ShouldBe(Enumerable.Range(0, 1_000).Select(r => first.NirOf(r).Value));
    }

    [PostgresFact]
    public async Task A_small_seed_is_found_decrypted_and_chained_through_the_applications_code()
    {
        using var folder = new TemporaryFolder();
        await using var database = await TestDatabases.CreateAsync(DatabaseProvider.Postgres, folder.Path);
        var keys = Directory.CreateDirectory(Path.Combine(folder.Path, "keys")).FullName;
        await File.WriteAllTextAsync(Path.Combine(keys, "master-k1.key"), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var manifest = Path.Combine(folder.Path, "seed-manifest.json");

        var exit = await SeedCommand.RunAsync(
        [
            "seed", "--connection", database.ConnectionString, "--records", "300", "--documents", "3000", "--traces", "15000",
            "--blobs", "20", "--blob-size", "5000", "--blob-dir", Path.Combine(folder.Path, "blobs"), "--key-dir", keys,
            "--manifest", manifest, "--verify",
        ]);

        exit.ShouldBe(0);
        var written = SeedManifest.Read(manifest);
        written.Blobs.Count.ShouldBe(20);
        written.Blobs.Select(b => b.Document).Distinct().Count().ShouldBe(20);
    }
}
