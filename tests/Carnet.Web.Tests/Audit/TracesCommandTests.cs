using Carnet.Audit;
using Carnet.Mail;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.Tests;
using Carnet.Tests.Testing;
using Carnet.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Carnet.Web.Tests.Audit;

/// <summary><c>carnet traces verify|heads</c> on a database an attacker may have changed.</summary>
public sealed class TracesCommandTests : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private readonly FakeClock _clock = new();
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabases.CreateAsync(DatabaseProvider.Sqlite, _folder.Path);
        var file = Path.Combine(_folder.Path, "persons.ndjson");
        await File.WriteAllTextAsync(file, People.AliceLine() + "\n");
        (await RunAsync("import", file)).Exit.ShouldBe(ExitCodes.Success);
        _clock.Advance(TimeSpan.FromDays(42));
        (await RunAsync("jobs", "run", "--name", CreateRecordsAfterOppositionWindow.JobName)).Exit.ShouldBe(ExitCodes.Success);
        for (var i = 0; i < 3; i++)
        {
            (await RunAsync("records", "show", People.Alice)).Exit.ShouldBe(ExitCodes.Success);
        }

        (await RunAsync("jobs", "run", "--name", SealTraces.JobName)).Exit.ShouldBe(ExitCodes.Success);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Verify_exits_0_when_every_chain_is_intact()
    {
        var traces = await CountTracesAsync();

        var (exit, output, _) = await RunAsync("traces", "verify");

        exit.ShouldBe(ExitCodes.Success);
        output.ShouldContain($"1 record(s), {traces} sealed trace(s) checked, 0 broken chain(s); 0 trace(s) not sealed yet");
    }

    [Fact]
    public async Task Verify_names_the_first_broken_link_and_exits_1_without_printing_personal_data()
    {
        long victim;
        Guid recordId;
        await using (var db = TestDatabases.Open(_database.Provider, _database.ConnectionString))
        {
            var chain = await db.Traces.OrderBy(t => t.Sequence).ToListAsync();
            (victim, recordId) = (chain[1].Id, chain[1].RecordId);
            await db.Traces.Where(t => t.Id == victim).ExecuteUpdateAsync(s => s.SetProperty(t => t.ActorId, "someone-else"));
        }

        var (exit, output, _) = await RunAsync("traces", "verify", "--record", People.Alice);

        exit.ShouldBe(ExitCodes.PartialSuccess);
        output.ShouldContain($"BROKEN record {recordId} at sequence 2 (trace {victim}): this trace was modified");
        output.ShouldNotContain(People.Alice[..13]);
        output.ShouldNotContain("MARTIN", Case.Insensitive);
    }

    [Fact]
    public async Task Heads_prints_each_record_s_last_link()
    {
        var traces = await CountTracesAsync();

        var (exit, output, _) = await RunAsync("traces", "heads");

        exit.ShouldBe(ExitCodes.Success);
        output.Trim().Split(' ').ShouldSatisfyAllConditions(
            parts => parts.Length.ShouldBe(3),
            parts => parts[1].ShouldBe(traces.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            parts => parts[2].Length.ShouldBe(64));
    }

    [Fact]
    public async Task Verify_of_an_unknown_record_exits_3()
    {
        (await RunAsync("traces", "verify", "--record", Guid.NewGuid().ToString())).Exit.ShouldBe(ExitCodes.NotFound);
    }

    private async Task<int> CountTracesAsync()
    {
        await using var db = TestDatabases.Open(_database.Provider, _database.ConnectionString);
        return await db.Traces.CountAsync();
    }

    private async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var mail = new RecordingMailTransport();
        var exit = await OperatorCli.RunAsync(
            args,
            new CliOverrides(CarnetTestHost.Settings(_database, _folder.Path), services =>
            {
                services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));
                services.Replace(ServiceDescriptor.Singleton<IMailTransport>(mail));
                services.Replace(ServiceDescriptor.Singleton<ISmsTransport>(mail));
            }),
            output,
            errors);
        return (exit, output.ToString(), errors.ToString());
    }
}
