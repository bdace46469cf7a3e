using Carnet.Mail;
using Carnet.Persistence;
using Carnet.Tests;
using Carnet.Tests.Testing;
using Carnet.Web.Cli;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Carnet.Web.Tests.Testing;

/// <summary>The operator CLI run in-process on a test's own database and folder, with a fake clock and a recording mail transport.</summary>
public sealed class OperatorCliRunner : IAsyncDisposable
{
    private readonly TemporaryFolder _folder;
    private readonly TestDatabase _database;

    private OperatorCliRunner(TemporaryFolder folder, TestDatabase database)
    {
        _folder = folder;
        _database = database;
    }

    public string Folder => _folder.Path;

    public FakeClock Clock { get; } = new();

    public RecordingMailTransport Mail { get; } = new();

    public static async Task<OperatorCliRunner> StartAsync()
    {
        var folder = new TemporaryFolder();
        return new OperatorCliRunner(folder, await TestDatabases.CreateAsync(DatabaseProvider.Sqlite, folder.Path));
    }

    public async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args)
    {
        var settings = CarnetTestHost.Settings(_database, _folder.Path);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await OperatorCli.RunAsync(
            args,
            new CliOverrides(settings, services =>
            {
                services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
                services.Replace(ServiceDescriptor.Singleton<IMailTransport>(Mail));
                services.Replace(ServiceDescriptor.Singleton<ISmsTransport>(Mail));
            }),
            output,
            errors);
        return (exit, output.ToString(), errors.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        _folder.Dispose();
    }
}
