using Carnet.Mail;
using Carnet.Persistence;
using Carnet.Tests;
using Carnet.Tests.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Carnet.Web.Tests.Testing;

/// <summary>
/// The real web host (Program) over real HTTP in memory, on a test's own database and folder, with a
/// fake clock and a recording mail transport.
/// </summary>
public sealed class CarnetWebFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly TemporaryFolder _folder;
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsStorage = true;

    private CarnetWebFactory(TestDatabase database, TemporaryFolder folder, IDictionary<string, string?>? settings)
    {
        _database = database;
        _folder = folder;
        _settings = CarnetTestHost.Settings(database, folder.Path);
        _settings["Carnet:Database:MigrateOnStartup"] = "true";
        _settings["Carnet:Demo:Directory"] = Path.Combine(folder.Path, "demo");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>(StringComparer.Ordinal))
        {
            _settings[key] = value;
        }
    }

    public FakeClock Clock { get; } = new();

    public RecordingMailTransport Mail { get; } = new();

    public CapturedLogs Logs { get; } = new();

    public string Folder => _folder.Path;

    public IReadOnlyDictionary<string, string?> Settings => _settings;

    /// <summary>Another node of the same deployment: same database and folders, its own process state.</summary>
    public CarnetWebFactory SecondNode() => new(_database, _folder, _settings, ownsStorage: false);

    private CarnetWebFactory(TestDatabase database, TemporaryFolder folder, Dictionary<string, string?> settings, bool ownsStorage)
    {
        _database = database;
        _folder = folder;
        _settings = new Dictionary<string, string?>(settings, StringComparer.Ordinal);
        _ownsStorage = ownsStorage;
    }

    public static async Task<CarnetWebFactory> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, IDictionary<string, string?>? settings = null)
    {
        var folder = new TemporaryFolder();
        var database = await TestDatabases.CreateAsync(provider, folder.Path);
        return new CarnetWebFactory(database, folder, settings);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            services.Replace(ServiceDescriptor.Singleton<IMailTransport>(Mail));
            services.Replace(ServiceDescriptor.Singleton<ISmsTransport>(Mail));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsStorage)
        {
            await _database.DisposeAsync();
            _folder.Dispose();
        }
    }
}
