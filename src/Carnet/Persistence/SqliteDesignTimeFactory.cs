using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Carnet.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without a host (tools/migrations.sh).</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCarnetDbContext>
{
    public SqliteCarnetDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteCarnetDbContext>().UseApplicationServiceProvider(DesignTimeServices.Create());
        PersistenceServiceCollectionExtensions.ConfigureSqlite(options, "Data Source=design-time.db");
        return new SqliteCarnetDbContext(options.Options);
    }
}
