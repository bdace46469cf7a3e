using Carnet.Audit;
using Carnet.Jobs;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.Tests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Tests.Jobs;

/// <summary>Jobs run on every node: a record must never be created twice (docs/adr/0005).</summary>
public class ConcurrentJobTests
{
    private const int People = 1200;

    [Theory]
    [DatabaseProviders]
    public async Task Two_concurrent_creation_runs_create_each_record_exactly_once(DatabaseProvider provider)
    {
        await using var host = await CarnetTestHost.StartAsync(provider);
        await host.ImportAsync([.. Enumerable.Range(0, People).Select(i => Testing.People.Line(Testing.People.Nir($"1790169{i:D6}"), "P", "Q", "1979-01-03", "80250987654", email: $"p{i}@example.org"))]);
        await host.DispatchOutboxAsync();
        host.Clock.Advance(LifecycleRules.OppositionWindow);

        // Two "nodes": separate scopes and connections, started together, no lease.
        using var start = new SemaphoreSlim(0, 2);
        var runs = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await host.RunJobAsync<CreateRecordsAfterOppositionWindow>();
        })).ToList();
        start.Release(2);
        var handled = await Task.WhenAll(runs);

        handled.Sum().ShouldBe(People);
        (await host.QueryAsync(db => db.Records.CountAsync(r => r.State == RecordState.Open))).ShouldBe(People);
        var creations = await host.QueryAsync(db => db.Traces
            .Where(t => t.Action == TraceActions.RecordCreated)
            .GroupBy(t => t.RecordId)
            .Select(g => g.Count())
            .ToListAsync());
        creations.Count.ShouldBe(People);
        creations.ShouldAllBe(count => count == 1);
    }

    [Theory]
    [DatabaseProviders]
    public async Task One_node_at_a_time_holds_a_jobs_lease(DatabaseProvider provider)
    {
        await using var host = await CarnetTestHost.StartAsync(provider);
        var runner = host.Services.GetRequiredService<JobRunner>();
        var job = runner.Jobs.Single(j => j.Name == CreateRecordsAfterOppositionWindow.JobName);
        var otherNode = ActivatorUtilities.CreateInstance<JobRunner>(host.Services);

        // Another node holds the lease: this one does not run the job.
        await host.QueryAsync(db =>
        {
            db.JobLeases.Add(new JobLease { Name = job.Name, Holder = "node-b", LeasedUntil = host.Clock.UtcNow.AddMinutes(5) });
            return db.SaveChangesAsync();
        });
        (await runner.RunAsync(job, CancellationToken.None)).Ran.ShouldBeFalse();

        // The lease expired (node-b died): the job is taken over, then released for the next run.
        host.Clock.Advance(TimeSpan.FromMinutes(6));
        (await runner.RunAsync(job, CancellationToken.None)).Ran.ShouldBeTrue();
        (await otherNode.RunAsync(job, CancellationToken.None)).Ran.ShouldBeTrue();
        var lease = await host.QueryAsync(db => db.JobLeases.SingleAsync(l => l.Name == job.Name));
        lease.LeasedUntil.ShouldBeNull();
        lease.LastRunAt.ShouldBe(host.Clock.UtcNow);
    }

    [Fact]
    public async Task Due_jobs_wait_for_their_interval()
    {
        await using var host = await CarnetTestHost.StartAsync();
        var runner = host.Services.GetRequiredService<JobRunner>();

        var first = await runner.RunDueAsync(CancellationToken.None);
        host.Clock.Advance(TimeSpan.FromSeconds(6));
        var second = await runner.RunDueAsync(CancellationToken.None);

        first.Count.ShouldBe(runner.Jobs.Count);
        second.Select(r => r.Name).ShouldBe([Carnet.Mail.DispatchOutbox.JobName]);
    }
}
