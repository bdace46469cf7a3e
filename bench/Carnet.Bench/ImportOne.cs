using System.Diagnostics;
using System.Globalization;
using Carnet.Persistence;
using Carnet.Records.Import;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Carnet.Bench;

/// <summary>One import into a fresh database, through the operator's use case, in this process.</summary>
public static class ImportOne
{
    public static async Task<int> RunAsync(string file, string provider, string? adminConnection)
    {
        var folder = Directory.CreateTempSubdirectory("carnet-bench-db-").FullName;
        var database = $"carnet_bench_{Guid.NewGuid():N}";
        string connectionString;
        if (string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            await ExecuteAsync(adminConnection!, $"CREATE DATABASE {database}");
            connectionString = new NpgsqlConnectionStringBuilder(adminConnection) { Database = database }.ConnectionString;
        }
        else
        {
            connectionString = $"Data Source={Path.Combine(folder, "carnet.db")}";
        }

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
            var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddCarnet(configuration).BuildServiceProvider();
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            }

            var stopwatch = Stopwatch.StartNew();
            ImportInsuredPersons.Result result;
            await using (var scope = services.CreateAsyncScope())
            {
                await using var content = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                result = await scope.ServiceProvider.GetRequiredService<ImportInsuredPersons>().HandleAsync(
                    new ImportInsuredPersons.Request(content, ImportFormat.Ndjson, Path.GetFileName(file)),
                    CancellationToken.None);
            }

            stopwatch.Stop();
            if (result.Counts.Created != result.Counts.Lines)
            {
                throw new InvalidOperationException($"Expected every line created: {result.Counts}");
            }

            using var self = Process.GetCurrentProcess();
            self.Refresh();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{result.Counts.Lines,11:N0} | {stopwatch.Elapsed.TotalSeconds,7:N1} | {result.Counts.Lines / stopwatch.Elapsed.TotalSeconds,9:N0} | {self.PeakWorkingSet64 / 1024.0 / 1024.0,6:N0}"));
            await services.DisposeAsync();
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
            {
                await ExecuteAsync(adminConnection!, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
