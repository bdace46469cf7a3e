using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Carnet.Jobs;

/// <summary>
/// Runs registered jobs under a database lease, each in its own scope. Used by the background
/// scheduler and by the operator CLI (<c>carnet jobs run</c>).
/// </summary>
public sealed class JobRunner(
    IEnumerable<JobRegistration> registrations,
    IServiceScopeFactory scopes,
    IOptions<JobsOptions> options,
    TimeProvider clock,
    ILogger<JobRunner> logger)
{
    private readonly string _node = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public IReadOnlyList<JobRegistration> Jobs { get; } = [.. registrations];

    public TimeSpan IntervalOf(JobRegistration job) =>
        options.Value.Intervals.TryGetValue(job.Name, out var interval) ? interval : job.Interval;

    public async Task<JobRunResult> RunAsync(JobRegistration job, CancellationToken ct)
    {
        if (!await TryAcquireAsync(job.Name, ct))
        {
            return new JobRunResult(job.Name, Ran: false, 0, "another node holds the lease");
        }

        var handled = 0;
        string? error = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var instance = (IScheduledJob)scope.ServiceProvider.GetRequiredService(job.JobType);
            handled = await instance.RunAsync(ct);
            if (handled > 0)
            {
                logger.LogInformation("Job {Job} handled {Handled} item(s)", job.Name, handled);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error = e.GetType().Name + ": " + e.Message;
            logger.LogError(e, "Job {Job} failed; it will run again at its next interval", job.Name);
        }
        finally
        {
            await ReleaseAsync(job.Name, handled, CancellationToken.None);
        }

        return new JobRunResult(job.Name, Ran: true, handled, error);
    }

    /// <summary>Runs the jobs whose interval has elapsed since their last run (on any node).</summary>
    public async Task<IReadOnlyList<JobRunResult>> RunDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CarnetDbContext>();
        var lastRuns = await db.JobLeases.AsNoTracking().ToDictionaryAsync(l => l.Name, l => l.LastRunAt, StringComparer.Ordinal, ct);
        var results = new List<JobRunResult>();
        foreach (var job in Jobs)
        {
            var last = lastRuns.GetValueOrDefault(job.Name);
            if (last is null || now - last >= IntervalOf(job))
            {
                results.Add(await RunAsync(job, ct));
            }
        }

        return results;
    }

    public async Task<IReadOnlyList<JobRunResult>> RunAllAsync(CancellationToken ct)
    {
        var results = new List<JobRunResult>();
        foreach (var job in Jobs)
        {
            results.Add(await RunAsync(job, ct));
        }

        return results;
    }

    private async Task<bool> TryAcquireAsync(string name, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CarnetDbContext>();
        var now = clock.GetUtcNow();
        if (!await db.JobLeases.AnyAsync(l => l.Name == name, ct))
        {
            db.JobLeases.Add(new JobLease { Name = name });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node created the row first: fine, the conditional update below decides.
            }
        }

        var until = now + options.Value.LeaseDuration;
        var taken = await db.JobLeases
            .Where(l => l.Name == name && (l.LeasedUntil == null || l.LeasedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, _node).SetProperty(l => l.LeasedUntil, until), ct);
        return taken == 1;
    }

    private async Task ReleaseAsync(string name, int handled, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CarnetDbContext>();
        var now = clock.GetUtcNow();
        await db.JobLeases
            .Where(l => l.Name == name && l.Holder == _node)
            .ExecuteUpdateAsync(
                s => s.SetProperty(l => l.LeasedUntil, (DateTimeOffset?)null)
                    .SetProperty(l => l.LastRunAt, now)
                    .SetProperty(l => l.LastHandled, handled),
                ct);
    }
}
