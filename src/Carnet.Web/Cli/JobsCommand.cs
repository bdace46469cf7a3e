using System.CommandLine;
using Carnet.Jobs;

namespace Carnet.Web.Cli;

/// <summary><c>carnet jobs run|list</c>: run the scheduled jobs now (safe while nodes run them too).</summary>
public static class JobsCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Option<string?>("--name") { Description = "Run only this job (see 'jobs list')." };
        var run = new Command("run", "Run every job now, or one with --name; each takes its lease like on a node.") { name };
        run.SetAction((parse, ct) => context.RunAsync(async (services, token) =>
        {
            var runner = services.GetRequiredService<JobRunner>();
            var wanted = parse.GetValue(name);
            var jobs = runner.Jobs.Where(j => wanted is null || string.Equals(j.Name, wanted, StringComparison.Ordinal)).ToList();
            if (jobs.Count == 0)
            {
                await context.Error.WriteLineAsync($"No job named '{wanted}'. Known jobs: {string.Join(", ", runner.Jobs.Select(j => j.Name))}.");
                return ExitCodes.NotFound;
            }

            var failed = false;
            foreach (var job in jobs)
            {
                var result = await runner.RunAsync(job, token);
                context.Out.WriteLine(result switch
                {
                    { Ran: false } => $"{job.Name}: not run ({result.Error})",
                    { Error: not null } => $"{job.Name}: FAILED after {result.Handled} item(s): {result.Error}",
                    _ => $"{job.Name}: {result.Handled} item(s)",
                });
                failed |= result.Error is not null && result.Ran;
            }

            return failed ? ExitCodes.InternalError : ExitCodes.Success;
        }, ct));

        var list = new Command("list", "List the scheduled jobs and their intervals.");
        list.SetAction((_, ct) => context.RunAsync((services, _) =>
        {
            var runner = services.GetRequiredService<JobRunner>();
            foreach (var job in runner.Jobs)
            {
                context.Out.WriteLine($"{job.Name}  every {runner.IntervalOf(job)}");
            }

            return Task.FromResult(ExitCodes.Success);
        }, ct));

        return new Command("jobs", "Scheduled jobs: record creation after the opposition window, closures, purges, majority, outbox.") { run, list };
    }
}
