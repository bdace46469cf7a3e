using System.Globalization;
using Carnet.Identifiers;
using Carnet.Jobs;
using Carnet.Mail;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.Records.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Carnet.Tests.Testing;

/// <summary>
/// The real composition (<c>AddCarnet</c>) on a test's own database and folder, with a fake clock and
/// a recording mail transport. Use cases run in their own scope, as they would per request.
/// </summary>
public sealed class CarnetTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly TestDatabase _database;
    private readonly TemporaryFolder _folder;

    private CarnetTestHost(ServiceProvider services, TestDatabase database, TemporaryFolder folder, FakeClock clock, RecordingMailTransport mail)
    {
        _services = services;
        _database = database;
        _folder = folder;
        Clock = clock;
        Mail = mail;
    }

    public FakeClock Clock { get; }

    public RecordingMailTransport Mail { get; }

    public IServiceProvider Services => _services;

    public DatabaseProvider Provider => _database.Provider;

    public string Folder => _folder.Path;

    public static async Task<CarnetTestHost> StartAsync(
        DatabaseProvider provider = DatabaseProvider.Sqlite,
        Action<IServiceCollection>? configure = null,
        IDictionary<string, string?>? settings = null)
    {
        var folder = new TemporaryFolder();
        var database = await TestDatabases.CreateAsync(provider, folder.Path);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Settings(database, folder.Path))
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>(StringComparer.Ordinal))
            .Build();
        var clock = new FakeClock();
        var mail = new RecordingMailTransport();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCarnet(configuration);
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        services.Replace(ServiceDescriptor.Singleton<IMailTransport>(mail));
        services.Replace(ServiceDescriptor.Singleton<ISmsTransport>(mail));
        configure?.Invoke(services);
        return new CarnetTestHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), database, folder, clock, mail);
    }

    public static Dictionary<string, string?> Settings(TestDatabase database, string folder) => new(StringComparer.Ordinal)
    {
        ["ConnectionStrings:Carnet"] = database.ConnectionString,
        ["Carnet:Database:Provider"] = database.Provider.ToString(),
        ["Carnet:Database:MigrateOnStartup"] = "false",
        ["Carnet:Ins:AllowTestAuthorities"] = "true",
        ["Carnet:Mail:PickupDirectory"] = Path.Combine(folder, "mail"),
        ["Carnet:Mail:SmsDirectory"] = Path.Combine(folder, "sms"),
        ["Carnet:Keys:Directory"] = Path.Combine(folder, "keys"),
        ["Carnet:Keys:GenerateIfMissing"] = "true",
        ["Carnet:Storage:Path"] = Path.Combine(folder, "blobs"),
        ["Carnet:Jobs:Enabled"] = "false",
        ["Carnet:SignIn:SecureCookies"] = "false",
    };

    /// <summary>Runs a use case (or anything) in its own scope, like one request.</summary>
    public async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> action)
        where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task RunAsync<TService>(Func<TService, Task> action)
        where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Runs a scheduled job once, directly (no lease), as a node would.</summary>
    public Task<int> RunJobAsync<TJob>()
        where TJob : IScheduledJob => RunAsync<TJob, int>(job => job.RunAsync(CancellationToken.None));

    /// <summary>Sends what the outbox holds (the dispatcher job).</summary>
    public Task<int> DispatchOutboxAsync() => RunJobAsync<DispatchOutbox>();

    /// <summary>Reads from the database with a fresh context.</summary>
    public async Task<T> QueryAsync<T>(Func<CarnetDbContext, Task<T>> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CarnetDbContext>());
    }

    public Task<HealthRecord> RecordAsync(string nir) =>
        QueryAsync(db => db.Records.AsNoTracking().SingleAsync(r => r.Nir == Nir.Parse(nir)));

    /// <summary>Imports NDJSON lines (one person per line) through the operator's use case.</summary>
    public async Task<(ImportInsuredPersons.Result Result, List<ImportLineError> Errors)> ImportAsync(params string[] ndjsonLines)
    {
        var errors = new List<ImportLineError>();
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', ndjsonLines)));
        var result = await RunAsync<ImportInsuredPersons, ImportInsuredPersons.Result>(import => import.HandleAsync(
            new ImportInsuredPersons.Request(content, ImportFormat.Ndjson, "test.ndjson", e =>
            {
                errors.Add(e);
                return ValueTask.CompletedTask;
            }),
            CancellationToken.None));
        return (result, errors);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>A date as the tests write it.</summary>
    public static DateOnly Day(string isoDate) => DateOnly.Parse(isoDate, CultureInfo.InvariantCulture);
}
