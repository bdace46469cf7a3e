using Carnet.Audit;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.Tests.Documents;
using Carnet.Tests.Testing;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Tests.Audit;

public class TraceChainTests
{
    [Theory]
    [DatabaseProviders]
    public async Task Sealing_chains_every_trace_of_a_record_in_order_and_the_chain_verifies(DatabaseProvider provider)
    {
        await using var library = await Library.OpenAsync(provider);
        await AddTracesAsync(library, 5);

        var sealedCount = await library.Host.RunJobAsync<SealTraces>();

        var chain = await ChainAsync(library);
        sealedCount.ShouldBe(chain.Count);
        chain.Select(t => t.Sequence).ShouldBe(Enumerable.Range(1, chain.Count).Select(i => (long?)i));
        chain.ShouldAllBe(t => t.Hash != null && t.Hash.Length == TraceChain.HashSize);
        chain.Select(t => t.Id).ShouldBeInOrder();
        var report = await VerifyAsync(library);
        report.Intact.ShouldBeTrue();
        report.Unsealed.ShouldBe(0);
        report.Links.ShouldBe(chain.Count);
    }

    [Fact]
    public async Task A_second_run_appends_after_the_last_sealed_link()
    {
        await using var library = await Library.OpenAsync();
        await library.Host.RunJobAsync<SealTraces>();
        var before = (await ChainAsync(library)).Count;
        await AddTracesAsync(library, 3);

        (await library.Host.RunJobAsync<SealTraces>()).ShouldBe(3);

        (await ChainAsync(library)).Select(t => t.Sequence).ShouldBe(Enumerable.Range(1, before + 3).Select(i => (long?)i));
        (await VerifyAsync(library)).Intact.ShouldBeTrue();
    }

    [Theory]
    [DatabaseProviders]
    public async Task The_verifier_finds_a_modified_trace(DatabaseProvider provider)
    {
        await using var library = await Library.OpenAsync(provider);
        await AddTracesAsync(library, 5);
        await library.Host.RunJobAsync<SealTraces>();
        var victim = (await ChainAsync(library))[2];

        // An attacker with database access changes who read the record.
        await ExecuteAsync(library, $"UPDATE \"Traces\" SET \"ActorName\" = 'Someone else' WHERE \"Id\" = {victim.Id}");

        var report = await VerifyAsync(library);
        report.Breaks.ShouldHaveSingleItem().ShouldBe(new VerifyTraceChain.Break(library.RecordId, 3, victim.Id, VerifyTraceChain.BreakKind.Modified));
    }

    [Fact]
    public async Task The_verifier_finds_a_modified_time()
    {
        await using var library = await Library.OpenAsync();
        await AddTracesAsync(library, 3);
        await library.Host.RunJobAsync<SealTraces>();
        var last = (await ChainAsync(library))[^1];

        await library.Host.QueryAsync(db => db.Traces.Where(t => t.Id == last.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.At, last.At.AddHours(-3))));

        var found = (await VerifyAsync(library)).Breaks.ShouldHaveSingleItem();
        found.TraceId.ShouldBe(last.Id);
        found.Kind.ShouldBe(VerifyTraceChain.BreakKind.Modified);
    }

    [Theory]
    [DatabaseProviders]
    public async Task The_verifier_finds_a_deleted_trace(DatabaseProvider provider)
    {
        await using var library = await Library.OpenAsync(provider);
        await AddTracesAsync(library, 5);
        await library.Host.RunJobAsync<SealTraces>();
        var chain = await ChainAsync(library);

        await ExecuteAsync(library, $"DELETE FROM \"Traces\" WHERE \"Id\" = {chain[3].Id}");

        var report = await VerifyAsync(library);
        report.Breaks.ShouldHaveSingleItem().ShouldBe(new VerifyTraceChain.Break(library.RecordId, 4, chain[4].Id, VerifyTraceChain.BreakKind.Deleted));
    }

    [Theory]
    [DatabaseProviders]
    public async Task The_verifier_finds_reordered_traces(DatabaseProvider provider)
    {
        await using var library = await Library.OpenAsync(provider);
        await AddTracesAsync(library, 5);
        await library.Host.RunJobAsync<SealTraces>();
        var chain = await ChainAsync(library);
        var (third, fourth) = (chain[2], chain[3]);

        // Swaps two positions (through a free one: the position is unique per record).
        await ExecuteAsync(library, $"UPDATE \"Traces\" SET \"Sequence\" = -1 WHERE \"Id\" = {third.Id}");
        await ExecuteAsync(library, $"UPDATE \"Traces\" SET \"Sequence\" = 3 WHERE \"Id\" = {fourth.Id}");
        await ExecuteAsync(library, $"UPDATE \"Traces\" SET \"Sequence\" = 4 WHERE \"Id\" = {third.Id}");

        var report = await VerifyAsync(library);
        report.Breaks.ShouldHaveSingleItem().ShouldBe(new VerifyTraceChain.Break(library.RecordId, 3, fourth.Id, VerifyTraceChain.BreakKind.Reordered));
    }

    [Fact]
    public async Task The_verifier_reports_each_broken_record_and_leaves_the_others_intact()
    {
        await using var library = await Library.OpenAsync();
        var other = Guid.NewGuid();
        await AddTracesAsync(library, 3);
        await AddTracesAsync(library, 3, other);
        await library.Host.RunJobAsync<SealTraces>();
        var victim = (await ChainAsync(library))[0];

        await ExecuteAsync(library, $"UPDATE \"Traces\" SET \"Action\" = 'nothing' WHERE \"Id\" = {victim.Id}");

        var all = await VerifyAsync(library, null);
        all.Records.ShouldBe(2);
        all.Breaks.ShouldHaveSingleItem().RecordId.ShouldBe(library.RecordId);
        (await VerifyAsync(library, other)).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_trace_committed_late_is_chained_after_those_already_sealed()
    {
        await using var library = await Library.OpenAsync();
        await AddTracesAsync(library, 2);
        await library.Host.RunJobAsync<SealTraces>();
        var late = (await ChainAsync(library))[^1];

        // A lower Id committing after a higher one was sealed looks, to the sealer, like an unsealed row
        // below the chain's head: made here by unsealing the head.
        await ExecuteAsync(library, $"UPDATE \"Traces\" SET \"Sequence\" = NULL, \"Hash\" = NULL WHERE \"Id\" = {late.Id}");
        await AddTracesAsync(library, 1);
        await library.Host.RunJobAsync<SealTraces>();

        var chain = await ChainAsync(library);
        chain.Select(t => t.Sequence).ShouldBe(Enumerable.Range(1, chain.Count).Select(i => (long?)i));
        chain[^2].Id.ShouldBe(late.Id);
        (await VerifyAsync(library)).Intact.ShouldBeTrue();
    }

    [Theory]
    [DatabaseProviders]
    public async Task Sealing_twice_in_parallel_never_forks_a_chain(DatabaseProvider provider)
    {
        await using var library = await Library.OpenAsync(provider);
        var others = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        for (var round = 0; round < 5; round++)
        {
            await AddTracesAsync(library, 40);
            foreach (var other in others)
            {
                await AddTracesAsync(library, 40, other);
            }

            await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => library.Host.RunJobAsync<SealTraces>())));
        }

        await library.Host.RunJobAsync<SealTraces>();

        var report = await VerifyAsync(library, null);
        report.Unsealed.ShouldBe(0);
        report.Intact.ShouldBeTrue();
        report.Records.ShouldBe(5);
        foreach (var record in others.Append(library.RecordId))
        {
            var sequences = await library.Host.QueryAsync(db => db.Traces.Where(t => t.RecordId == record).OrderBy(t => t.Sequence).Select(t => t.Sequence).ToListAsync());
            sequences.ShouldBe(Enumerable.Range(1, sequences.Count).Select(i => (long?)i));
        }
    }

    [Fact]
    public async Task A_purged_record_whose_old_traces_expired_is_not_reported_broken()
    {
        await using var library = await Library.OpenAsync();
        await library.Host.RunJobAsync<SealTraces>();
        library.Host.Clock.Advance(TimeSpan.FromDays(400));
        await AddTracesAsync(library, 3);
        await library.Host.RunJobAsync<SealTraces>();
        await library.Host.QueryAsync(db => db.Records.Where(r => r.Id == library.RecordId).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RecordState.Purged)));
        library.Host.Clock.Advance(TimeSpan.FromDays(400));

        var expired = await library.Host.RunJobAsync<PurgeExpiredTraces>();

        expired.ShouldBeGreaterThan(0);
        (await ChainAsync(library)).Count.ShouldBe(3);
        (await VerifyAsync(library)).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_purged_record_s_surviving_traces_are_still_checked()
    {
        await using var library = await Library.OpenAsync();
        await AddTracesAsync(library, 3);
        await library.Host.RunJobAsync<SealTraces>();
        await library.Host.QueryAsync(db => db.Records.Where(r => r.Id == library.RecordId).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RecordState.Purged)));
        var victim = (await ChainAsync(library))[^2];

        await ExecuteAsync(library, $"UPDATE \"Traces\" SET \"Target\" = 'x' WHERE \"Id\" = {victim.Id}");

        (await VerifyAsync(library)).Breaks.ShouldHaveSingleItem().TraceId.ShouldBe(victim.Id);
    }

    /// <summary>Traces as the use cases write them: one SaveChanges per request.</summary>
    internal static async Task AddTracesAsync(Library library, int count, Guid? recordId = null)
    {
        for (var i = 0; i < count; i++)
        {
            library.Host.Clock.Advance(TimeSpan.FromSeconds(1));
            var at = library.Host.Clock.GetUtcNow();
            await library.Host.QueryAsync(db =>
            {
                db.Traces.Add(Trace.Of(recordId ?? library.RecordId, library.Lab.Actor, TraceActions.DocumentViewed, at, "doc-" + i));
                return db.SaveChangesAsync();
            });
        }
    }

    private static Task<List<Trace>> ChainAsync(Library library) =>
        library.Host.QueryAsync(db => db.Traces.AsNoTracking().Where(t => t.RecordId == library.RecordId && t.Sequence != null).OrderBy(t => t.Sequence).ToListAsync());

    private static Task<VerifyTraceChain.Report> VerifyAsync(Library library) => VerifyAsync(library, library.RecordId);

    private static Task<VerifyTraceChain.Report> VerifyAsync(Library library, Guid? recordId) =>
        library.Host.RunAsync<VerifyTraceChain, VerifyTraceChain.Report>(v => v.HandleAsync(recordId, CancellationToken.None));

#pragma warning disable EF1002 // Test-only SQL built from numeric ids: an attacker's raw statement.
    private static Task<int> ExecuteAsync(Library library, string sql) =>
        library.Host.QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql));
#pragma warning restore EF1002
}
