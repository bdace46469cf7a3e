using Carnet.Tests.Testing;
using Carnet.Web.Cli;
using Carnet.Web.Tests.Testing;

namespace Carnet.Web.Tests.Cli;

/// <summary>The operator's commands, run in-process with their exit codes and output.</summary>
public sealed class OperatorCliTests : IAsyncLifetime
{
    private OperatorCliRunner _cli = null!;

    public async Task InitializeAsync() => _cli = await OperatorCliRunner.StartAsync();

    public async Task DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task Import_prints_its_counts_writes_rejected_lines_and_exits_1()
    {
        var file = Path.Combine(_cli.Folder, "persons.csv");
        await File.WriteAllTextAsync(file, $"""
            nir,family_name,given_names,birth_date,vitale_serial,email
            {People.Alice},MARTIN,Alice,1985-03-21,{People.AliceVitale},{People.AliceEmail}
            255081416802537,X,Y,1955-08-01,12345678,x@example.org
            """);

        var (exit, output, errors) = await RunAsync("import", file);

        exit.ShouldBe(ExitCodes.PartialSuccess);
        output.ShouldContain("2 entries: 1 created, 0 updated, 0 unchanged, 1 rejected");
        errors.ShouldContain("line 3: nir:");
        errors.ShouldNotContain("2550814168025");
        var report = await File.ReadAllLinesAsync(file + ".errors.csv");
        report[0].ShouldBe("line,field,problem");
        report[1].ShouldStartWith("3,nir,");
    }

    [Fact]
    public async Task Importing_a_clean_file_twice_exits_0_and_changes_nothing()
    {
        var file = Path.Combine(_cli.Folder, "persons.ndjson");
        await File.WriteAllTextAsync(file, People.AliceLine() + "\n" + People.BrunoByPost() + "\n");

        (await RunAsync("import", file)).Exit.ShouldBe(ExitCodes.Success);
        var (exit, output, _) = await RunAsync("import", file);

        exit.ShouldBe(ExitCodes.Success);
        output.ShouldContain("0 created, 0 updated, 2 unchanged, 0 rejected");
        File.Exists(file + ".errors.csv").ShouldBeFalse();
    }

    [Fact]
    public async Task A_file_with_a_wrong_header_exits_2_and_lists_the_expected_columns()
    {
        var file = Path.Combine(_cli.Folder, "persons.csv");
        await File.WriteAllTextAsync(file, "nir,name\n1,2\n");

        var (exit, _, errors) = await RunAsync("import", file);

        exit.ShouldBe(ExitCodes.InvalidInput);
        errors.ShouldContain("column(s) 2 of it are not known names");
    }

    [Fact]
    public async Task Records_show_prints_the_lifecycle_and_an_unknown_nir_exits_3()
    {
        var file = Path.Combine(_cli.Folder, "persons.ndjson");
        await File.WriteAllTextAsync(file, People.AliceLine());
        await RunAsync("import", file);
        await RunAsync("jobs", "run");

        var (exit, output, _) = await RunAsync("records", "show", People.Alice);
        var (missing, _, errors) = await RunAsync("records", "show", People.Bruno);

        exit.ShouldBe(ExitCodes.Success);
        output.ShouldContain("Alice MARTIN");
        output.ShouldContain("state OppositionWindow");
        output.ShouldContain("opposition window ends    2026-02-16 09:00 UTC");
        missing.ShouldBe(ExitCodes.NotFound);
        errors.ShouldContain("No record was found");
    }

    [Fact]
    public async Task A_refused_step_exits_4_with_what_to_do()
    {
        var file = Path.Combine(_cli.Folder, "persons.ndjson");
        await File.WriteAllTextAsync(file, People.AliceLine());
        await RunAsync("import", file);

        var (exit, _, errors) = await RunAsync("records", "suspend", People.Alice);

        exit.ShouldBe(ExitCodes.Refused);
        errors.ShouldContain("Only an open record can be suspended");
    }

    [Fact]
    public async Task Jobs_run_reports_each_job_and_sends_the_notices()
    {
        var file = Path.Combine(_cli.Folder, "persons.ndjson");
        await File.WriteAllTextAsync(file, People.AliceLine());
        await RunAsync("import", file);

        var (exit, output, _) = await RunAsync("jobs", "run");

        exit.ShouldBe(ExitCodes.Success);
        output.ShouldContain("mail.dispatch-outbox: 1 item(s)");
        output.ShouldContain("records.create-after-opposition-window: 0 item(s)");
        _cli.Mail.MailsTo(People.AliceEmail).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Registrations_validate_identifiers_and_codes()
    {
        (await RunAsync("establishments", "register", "--finess", "690000013", "--name", "Laboratoire", "--kind", "Laboratory")).Exit.ShouldBe(ExitCodes.Success);
        var (clientExit, clientOutput, _) = await RunAsync("clients", "register", "--finess", "690000013", "--name", "LIS");
        var (badFiness, _, finessError) = await RunAsync("establishments", "register", "--finess", "690000014", "--name", "X");
        var (proExit, proOutput, _) = await RunAsync("professionals", "register", "--rpps", "10003456789", "--family-name", "DUPONT", "--given-names", "Jean", "--profession", "10", "--specialty", "SM54");
        var (badProfession, _, professionError) = await RunAsync("professionals", "register", "--rpps", "10101234564", "--family-name", "D", "--given-names", "J", "--profession", "99");
        var (again, _, _) = await RunAsync("professionals", "register", "--rpps", "10003456789", "--family-name", "DUPONT", "--given-names", "Jean", "--profession", "10");

        clientExit.ShouldBe(ExitCodes.Success);
        clientOutput.Trim().ShouldStartWith("es-690000013-");
        badFiness.ShouldBe(ExitCodes.InvalidInput);
        finessError.ShouldContain("finess: the check digit");
        proExit.ShouldBe(ExitCodes.Success);
        proOutput.ShouldContain("810003456789");
        proOutput.ShouldContain("fails the Luhn check");
        badProfession.ShouldBe(ExitCodes.InvalidInput);
        professionError.ShouldContain("TRE_G15");
        again.ShouldBe(ExitCodes.Refused);
    }

    [Fact]
    public async Task Letters_export_writes_the_print_house_file()
    {
        var file = Path.Combine(_cli.Folder, "persons.ndjson");
        await File.WriteAllTextAsync(file, People.BrunoByPost());
        await RunAsync("import", file);
        var letters = Path.Combine(_cli.Folder, "letters.csv");

        var (exit, output, _) = await RunAsync("letters", "export", "--output", letters);

        exit.ShouldBe(ExitCodes.Success);
        output.ShouldContain("1 letter(s) written");
        (await File.ReadAllTextAsync(letters)).ShouldContain("Bruno DURAND");
    }

    private Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args) => _cli.RunAsync(args);
}
