using System.Reflection;
using Carnet.Persistence;
using Xunit.Sdk;

namespace Carnet.Tests.Testing;

/// <summary>
/// Runs a theory on SQLite and on PostgreSQL (when configured; required under test.sh). For code whose
/// behaviour depends on the database: concurrency, SQL translation, dates.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [DatabaseProvider.Sqlite];
        if (TestDatabases.PostgresAdmin is not null || TestDatabases.PostgresRequired)
        {
            yield return [DatabaseProvider.Postgres];
        }
    }
}
