using Microsoft.EntityFrameworkCore;

namespace Carnet.Persistence;

/// <summary>The embedded default: one file under <c>data/</c>, nothing to install.</summary>
public sealed class SqliteCarnetDbContext(DbContextOptions<SqliteCarnetDbContext> options) : CarnetDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
