using Microsoft.EntityFrameworkCore;

namespace Carnet.Persistence;

/// <summary>Production: PostgreSQL, timestamps as <c>timestamptz</c> in UTC.</summary>
public sealed class PostgresCarnetDbContext(DbContextOptions<PostgresCarnetDbContext> options) : CarnetDbContext(options);
