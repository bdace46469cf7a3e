using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Carnet.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context without a server (tools/migrations.sh).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCarnetDbContext>
{
    public PostgresCarnetDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresCarnetDbContext>().UseApplicationServiceProvider(DesignTimeServices.Create());
        PersistenceServiceCollectionExtensions.ConfigurePostgres(options, "Host=localhost;Database=carnet_design");
        return new PostgresCarnetDbContext(options.Options);
    }
}
