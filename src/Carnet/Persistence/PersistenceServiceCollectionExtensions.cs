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
    /// Two settings the load benchmark showed Carnet's short queries need, unless the connection string sets them
    /// (docs/performance.md, docs/adr/0014):
    /// <list type="bullet">
    /// <item>Npgsql's automatic preparation: the hot queries (document search, the acting professional, traces) are
    /// parsed and planned once per connection instead of on every call (~2.5 ms of PostgreSQL time per search).
    /// Behind a pooler that cannot keep prepared statements (PgBouncer in transaction mode before 1.21), set
    /// <c>Max Auto Prepare=0</c>.</item>
    /// <item>PostgreSQL's JIT off: the access gate's predicate is estimated far above <c>jit_above_cost</c> on a large
    /// database although it reads a few rows, and compiling it took ~0.6 s per statement at a million records.</item>
    /// </list>
    /// </summary>
    public static string PreparePostgres(string connectionString)
    {
        // NpgsqlConnectionStringBuilder.ContainsKey says whether a keyword exists, not whether it was given.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (builder.Options is not { } options || !options.Contains("jit", StringComparison.OrdinalIgnoreCase))
        {
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c jit=off" : builder.Options + " -c jit=off";
        }

        return builder.ConnectionString;
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
