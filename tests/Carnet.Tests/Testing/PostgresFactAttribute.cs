namespace Carnet.Tests.Testing;

/// <summary>A fact that needs PostgreSQL: skipped outside test.sh unless PostgreSQL is configured.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = TestDatabases.PostgresSkipReason;
}
