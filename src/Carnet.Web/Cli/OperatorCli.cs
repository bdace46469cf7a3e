using System.CommandLine;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Web.Cli;

/// <summary>
/// The operator's commands: enrolment imports, jobs, registrations, record lifecycle support and the
/// letter export. They run against the same configuration and database as the web host.
/// </summary>
public static class OperatorCli
{
    private static readonly string[] Commands = ["--help", "-h", "-?", "import", "jobs", "professionals", "establishments", "clients", "signing-keys", "records", "letters", "accounts", "traces", "migrate"];

    public static bool Handles(string[] args) => args.Length > 0 && Commands.Contains(args[0], StringComparer.Ordinal);

    public static async Task<int> RunAsync(string[] args, CliOverrides? overrides = null, TextWriter? output = null, TextWriter? error = null)
    {
        var root = new RootCommand("Carnet operator commands. Configuration as for the web host (appsettings, Carnet__* environment variables).");
        var context = new CliContext(overrides, output, error);
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(JobsCommand.Create(context));
        root.Subcommands.Add(RegistrationCommands.Professionals(context));
        root.Subcommands.Add(RegistrationCommands.Establishments(context));
        root.Subcommands.Add(RegistrationCommands.Clients(context));
        root.Subcommands.Add(SigningKeysCommand.Create(context));
        root.Subcommands.Add(RecordsCommand.Create(context));
        root.Subcommands.Add(LettersCommand.Create(context));
        root.Subcommands.Add(AccountsCommand.Create(context));
        root.Subcommands.Add(TracesCommand.Create(context));
        var migrate = new Command("migrate", "Apply pending database migrations and exit.");
        migrate.SetAction((_, ct) => context.RunAsync((_, _) => Task.FromResult(ExitCodes.Success), ct));
        root.Subcommands.Add(migrate);
        try
        {
            var invocation = new InvocationConfiguration { Output = context.Out, Error = context.Error };
            return await root.Parse(args).InvokeAsync(invocation);
        }
        finally
        {
            await context.DisposeAsync();
        }
    }
}
