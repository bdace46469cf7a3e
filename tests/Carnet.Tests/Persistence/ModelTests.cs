using Carnet.Persistence;
using Carnet.Records;
using Carnet.Tests.Testing;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Tests.Persistence;

public class ModelTests
{
    [Theory]
    [DatabaseProviders]
    public async Task The_model_has_no_changes_missing_from_the_migrations(DatabaseProvider provider)
    {
        await using var host = await CarnetTestHost.StartAsync(provider);

        var pending = await host.QueryAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));

        pending.ShouldBeFalse($"Run tools/migrations.sh add <Name> to generate the {provider} and the other provider's migration.");
    }

    [Theory]
    [DatabaseProviders]
    public async Task Dates_survive_a_round_trip_in_utc_and_compare_in_queries(DatabaseProvider provider)
    {
        await using var host = await Records.Enrolled.AliceInWindowAsync(provider);
        var sent = host.Clock.UtcNow;

        var found = await host.QueryAsync(db => db.Records.CountAsync(r => r.NoticeSentAt >= sent && r.NoticeSentAt < sent.AddSeconds(1)));

        found.ShouldBe(1);
        (await host.RecordAsync(People.Alice)).NoticeSentAt!.Value.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    // The query is the one CreateRecordsAfterOppositionWindow runs (same filter and order).
    public async Task The_creation_job_finds_due_records_through_the_state_index()
    {
        await using var host = await CarnetTestHost.StartAsync(DatabaseProvider.Sqlite);
        var cutoff = host.Clock.UtcNow;

        var plan = await host.QueryAsync(async db =>
        {
            var sql = db.Records.Where(r => r.State == RecordState.OppositionWindow && r.NoticeSentAt <= cutoff).OrderBy(r => r.Id).Take(500).ToQueryString();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..].Replace("@cutoff", "0", StringComparison.Ordinal);
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(3));
            }

            return string.Join('\n', lines);
        });

        plan.ShouldContain("IX_Records_State_NoticeSentAt");
    }
}
