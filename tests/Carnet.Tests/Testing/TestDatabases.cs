using Carnet.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Carnet.Tests.Testing;

/// <summary>
/// A fresh database per test, on SQLite (a file) or PostgreSQL (a database created from a migrated
/// template, so each test starts from the real migrations in about 100 ms). PostgreSQL comes from
/// <c>CARNET_TEST_POSTGRES</c>, set by test.sh; with <c>CARNET_REQUIRE_POSTGRES=1</c> its absence fails
/// the run instead of skipping.
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "CARNET_TEST_POSTGRES";
    public const string RequirePostgresVariable = "CARNET_REQUIRE_POSTGRES";

    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? _sqliteTemplate;
    private static string? _postgresTemplate;

    public static string? PostgresAdmin => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static bool PostgresRequired => Environment.GetEnvironmentVariable(RequirePostgresVariable) == "1";

    public static string? PostgresSkipReason =>
        PostgresAdmin is not null || PostgresRequired ? null : $"PostgreSQL not configured: run ./test.sh, or set {PostgresVariable} to an admin connection string.";

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string directory)
    {
        return provider switch
        {
            DatabaseProvider.Sqlite => await CreateSqliteAsync(directory),
            _ => await CreatePostgresAsync(),
        };
    }

    private static async Task<TestDatabase> CreateSqliteAsync(string directory)
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (_sqliteTemplate is null)
            {
                var path = Path.Combine(Path.GetTempPath(), $"carnet-template-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
                await MigrateAsync(DatabaseProvider.Sqlite, $"Data Source={path}");
                SqliteConnection.ClearAllPools();
                _sqliteTemplate = path;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
            }
        }
        finally
        {
            TemplateGate.Release();
        }

        var file = Path.Combine(directory, "carnet.db");
        File.Copy(_sqliteTemplate, file);
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file}", () => Task.CompletedTask);
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var admin = PostgresAdmin ?? throw new InvalidOperationException($"{RequirePostgresVariable}=1 but {PostgresVariable} is not set: start PostgreSQL with ./test.sh.");
        await TemplateGate.WaitAsync();
        try
        {
            if (_postgresTemplate is null)
            {
                var name = $"carnet_tpl_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
                await ExecuteAsync(admin, $"CREATE DATABASE {name}");
                var template = With(admin, name);
                await MigrateAsync(DatabaseProvider.Postgres, template);
                NpgsqlConnection.ClearAllPools();
                _postgresTemplate = name;
            }
        }
        finally
        {
            TemplateGate.Release();
        }

        var database = $"carnet_t_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE {database} TEMPLATE {_postgresTemplate}");
        var connectionString = With(admin, database);
        return new TestDatabase(DatabaseProvider.Postgres, connectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        });
    }

    private static string With(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task MigrateAsync(DatabaseProvider provider, string connectionString)
    {
        await using var db = Open(provider, connectionString);
        await db.Database.MigrateAsync();
        if (provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }

    /// <summary>A context outside any host, for model checks.</summary>
    public static CarnetDbContext Open(DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var options = new DbContextOptionsBuilder<SqliteCarnetDbContext>();
            PersistenceServiceCollectionExtensions.ConfigureSqlite(options.UseApplicationServiceProvider(DesignTimeServices.Create()), connectionString);
            return new SqliteCarnetDbContext(options.Options);
        }

        var pg = new DbContextOptionsBuilder<PostgresCarnetDbContext>();
        PersistenceServiceCollectionExtensions.ConfigurePostgres(pg.UseApplicationServiceProvider(DesignTimeServices.Create()), connectionString);
        return new PostgresCarnetDbContext(pg.Options);
    }
}
