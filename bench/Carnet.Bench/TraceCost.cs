using System.Diagnostics;
using System.Globalization;
using Carnet.Audit;
using Carnet.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Carnet.Bench;

/// <summary>
/// <c>trace-cost [--writes 4000] [--provider Sqlite|Postgres --connection …]</c>: what tamper-evident traces
/// cost (docs/adr/0011). Writes traces as use cases do (one SaveChanges per request, 4 writers, 50 records),
/// alone and then while the sealer runs every 100 ms, and times sealing per 1,000 traces.
/// </summary>
public static class TraceCost
{
    private const int Writers = 4;
    private const int Records = 50;

    public static async Task<int> RunAsync(int writes, string provider, string? adminConnection)
    {
        var folder = Directory.CreateTempSubdirectory("carnet-bench-db-").FullName;
        var database = $"carnet_bench_{Guid.NewGuid():N}";
        var postgres = string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase);
        if (postgres)
        {
            await ExecuteAsync(adminConnection!, $"CREATE DATABASE {database}");
        }

        var connectionString = postgres
            ? new NpgsqlConnectionStringBuilder(adminConnection) { Database = database }.ConnectionString
            : $"Data Source={Path.Combine(folder, "carnet.db")}";
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["ConnectionStrings:Carnet"] = connectionString,
                ["Carnet:Database:Provider"] = provider,
                ["Carnet:Keys:Directory"] = Path.Combine(folder, "keys"),
                ["Carnet:Keys:GenerateIfMissing"] = "true",
                ["Carnet:Mail:PickupDirectory"] = Path.Combine(folder, "mail"),
            }).Build();
            await using var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddCarnet(configuration).BuildServiceProvider();
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            }

            var records = Enumerable.Range(0, Records).Select(_ => Guid.NewGuid()).ToArray();
            Console.WriteLine($"Trace cost, provider {provider}, {Environment.ProcessorCount} cores, {writes:N0} writes by {Writers} writers over {Records} records");

            // Warm-up (JIT, connection pool, first plans), not measured.
            await WriteAsync(services, records, 400, CancellationToken.None);
            await SealAsync(services);

            var alone = await WriteAsync(services, records, writes, CancellationToken.None);
            Console.WriteLine(Line($"writes, no sealer running        {writes / alone.TotalSeconds,8:N0} traces/s"));

            var sealing = Stopwatch.StartNew();
            var sealedCount = await SealAsync(services);
            sealing.Stop();
            Console.WriteLine(Line($"sealing {sealedCount:N0} traces in batches     {sealing.Elapsed.TotalMilliseconds / sealedCount * 1000,8:N1} ms per 1,000 traces"));

            using var stop = new CancellationTokenSource();
            var sealer = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await SealAsync(services);
                    await Task.Delay(100, CancellationToken.None);
                }
            });
            var together = await WriteAsync(services, records, writes, CancellationToken.None);
            await stop.CancelAsync();
            await sealer;
            Console.WriteLine(Line($"writes, sealer every 100 ms      {writes / together.TotalSeconds,8:N0} traces/s ({together / alone - 1:P0} time)"));

            await using (var scope = services.CreateAsyncScope())
            {
                await SealAsync(services);
                var report = await scope.ServiceProvider.GetRequiredService<VerifyTraceChain>().HandleAsync(null, CancellationToken.None);
                var verifying = Stopwatch.StartNew();
                report = await scope.ServiceProvider.GetRequiredService<VerifyTraceChain>().HandleAsync(null, CancellationToken.None);
                verifying.Stop();
                Console.WriteLine(Line($"verifying {report.Links:N0} links                 {verifying.Elapsed.TotalMilliseconds / report.Links * 1000,8:N1} ms per 1,000 traces (intact: {report.Intact})"));
            }

            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (postgres)
            {
                await ExecuteAsync(adminConnection!, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Each write is one request's unit of work: a scope, one trace, one SaveChanges.</summary>
    private static async Task<TimeSpan> WriteAsync(IServiceProvider services, Guid[] records, int writes, CancellationToken ct)
    {
        var actor = new Actor(ActorKind.Professional, "810505678903", "Émilie ROBIN");
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(
            async () =>
            {
                for (var i = writer; i < writes; i += Writers)
                {
                    await using var scope = services.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<CarnetDbContext>();
                    db.Traces.Add(Carnet.Audit.Trace.Of(records[i % records.Length], actor, TraceActions.DocumentViewed, TimeProvider.System.GetUtcNow(), Guid.NewGuid().ToString()));
                    await db.SaveChangesAsync(ct);
                }
            },
            ct)));
        return stopwatch.Elapsed;
    }

    private static async Task<int> SealAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SealTraces>().RunAsync(CancellationToken.None);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
