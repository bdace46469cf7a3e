using Carnet.Persistence;
using Npgsql;

namespace Carnet.Tests.Persistence;

/// <summary>Carnet's PostgreSQL connections prepare their statements and never JIT-compile, unless the operator's connection string says otherwise.</summary>
public class PostgresConnectionTests
{
    [Fact]
    public void A_plain_connection_string_gets_auto_prepare_and_jit_off()
    {
        var prepared = new NpgsqlConnectionStringBuilder(PersistenceServiceCollectionExtensions.PreparePostgres("Host=db;Database=carnet;Username=carnet"));

        prepared.MaxAutoPrepare.ShouldBe(64);
        prepared.Options.ShouldBe("-c jit=off");
        prepared.Host.ShouldBe("db");
    }

    [Fact]
    public void What_the_operator_set_is_kept_and_other_options_are_extended()
    {
        var behindPooler = new NpgsqlConnectionStringBuilder(PersistenceServiceCollectionExtensions.PreparePostgres("Host=db;Max Auto Prepare=0;Options=-c jit=on"));
        behindPooler.MaxAutoPrepare.ShouldBe(0);
        behindPooler.Options.ShouldBe("-c jit=on");

        var withOptions = new NpgsqlConnectionStringBuilder(PersistenceServiceCollectionExtensions.PreparePostgres("Host=db;Options=-c statement_timeout=5s"));
        withOptions.Options.ShouldBe("-c statement_timeout=5s -c jit=off");
    }
}
