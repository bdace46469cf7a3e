using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Carnet.Persistence;

/// <summary>
/// Registers the provider's context as <see cref="CarnetDbContext"/>, with every EF Core interceptor
/// the capabilities registered (notifications derive from the traces a SaveChanges writes): the one hook,
/// so Persistence knows no feature.
/// </summary>
public static class PersistenceServiceCollectionExtensions
{
    public static IServiceCollection AddCarnetPersistence(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = PrepareSqlite(connectionString);
                services.AddDbContext<CarnetDbContext, SqliteCarnetDbContext>((sp, o) => ConfigureSqlite(o, sqlite).AddInterceptors(sp.GetServices<IInterceptor>()));
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContext<CarnetDbContext, PostgresCarnetDbContext>((sp, o) => ConfigurePostgres(o, connectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Carnet:Database:Provider must be Sqlite or Postgres.");
        }

        return services;
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(CarnetDbContext).Assembly.FullName));

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(PreparePostgres(connectionString), o => o.MigrationsAssembly(typeof(CarnetDbContext).Assembly.FullName));

    /// <summary>
    /// Turns on Npgsql's automatic preparation unless the connection string says otherwise: the hot queries
    /// (document search, the acting professional, traces) are then parsed and planned once per connection
    /// instead of on every call, which the load benchmark measured at ~2.5 ms of PostgreSQL time per search
    /// (docs/performance.md). Behind a pooler that cannot keep prepared statements (PgBouncer in transaction
    /// mode before 1.21), set <c>Max Auto Prepare=0</c>.
    /// </summary>
    public static string PreparePostgres(string connectionString)
    {
        // NpgsqlConnectionStringBuilder.ContainsKey says whether a keyword exists, not whether it was given.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare"))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64 }.ConnectionString;
    }

    /// <summary>
    /// Creates the database folder and sets a busy timeout, so concurrent writers (jobs, requests) wait
    /// for the lock instead of failing at once.
    /// </summary>
    public static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        if (!string.IsNullOrEmpty(builder.DataSource) && !string.Equals(builder.DataSource, ":memory:", StringComparison.Ordinal))
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        return builder.ToString();
    }
}
