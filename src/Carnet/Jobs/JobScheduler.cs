using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Carnet.Jobs;

/// <summary>The background loop that runs due jobs on this node (when <c>Carnet:Jobs:Enabled</c>).</summary>
public sealed class JobScheduler(JobRunner runner, IOptions<JobsOptions> options, TimeProvider clock, ILogger<JobScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Scheduled jobs are disabled on this node (Carnet:Jobs:Enabled=false)");
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                await runner.RunDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The job scheduler could not check due jobs; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
