using System.Text;
using Carnet.Identifiers;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.Records.Import;
using Carnet.Records.Notices;
using Carnet.Tests.Testing;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Tests.Records;

public class EnrolmentImportTests
{
    [Theory]
    [DatabaseProviders]
    public async Task Import_creates_a_record_awaiting_notice_and_queues_the_notice_with_a_provisional_code(DatabaseProvider provider)
    {
        await using var host = await CarnetTestHost.StartAsync(provider);

        var (result, errors) = await host.ImportAsync(People.AliceLine());

        errors.ShouldBeEmpty();
        result.Counts.ShouldBe(new ImportCounts(1, 1, 0, 0, 0));
        var record = await host.RecordAsync(People.Alice);
        record.State.ShouldBe(RecordState.AwaitingNotice);
        record.Mobile.ShouldBe(People.AliceMobile);
        (await host.QueryAsync(db => db.ProvisionalCodes.CountAsync(c => c.RecordId == record.Id))).ShouldBe(1);
        var notice = await host.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.RecordId == record.Id));
        notice.Purpose.ShouldBe(NoticePurposes.Notice);
        notice.To.ShouldBe(People.AliceEmail);
        notice.Body.ShouldMatch("[A-Z2-9]{5}-[A-Z2-9]{5}");
    }

    [Fact]
    public async Task Import_reports_bad_lines_with_their_numbers_and_goes_on()
    {
        await using var host = await CarnetTestHost.StartAsync();

        var (result, errors) = await host.ImportAsync(
            People.AliceLine(),
            People.Line("255081416802537", "X", "Y", "1955-08-01", "12345678", email: "x@example.org"),
            "{ not json",
            People.BrunoByPost(),
            People.Line(People.Chloe, "BENALI", "Chloé", "1999-01-15", "1234", email: "not-an-address"));

        result.Counts.Created.ShouldBe(2);
        result.Counts.Rejected.ShouldBe(3);
        errors.Select(e => e.Line).Distinct().ShouldBe([2L, 3L, 5L]);
        errors.ShouldContain(e => e.Line == 2 && e.Field == "nir" && e.Problem.Contains("key"));
        errors.ShouldContain(e => e.Line == 3 && e.Problem.Contains("not valid JSON"));
        errors.ShouldContain(e => e.Line == 5 && e.Field == "vitale_serial");
        errors.ShouldContain(e => e.Line == 5 && e.Field == "email");
    }

    [Fact]
    public async Task Rejections_never_quote_the_personal_data_of_the_line()
    {
        await using var host = await CarnetTestHost.StartAsync();

        var (_, errors) = await host.ImportAsync(People.Line("255081416802537", "SECRETNAME", "Y", "1955-08-01", "12", email: "secret@example"));

        errors.ShouldNotBeEmpty();
        foreach (var error in errors)
        {
            error.ToString().ShouldNotContain("2550814168025");
            error.ToString().ShouldNotContain("secret", Case.Insensitive);
        }
    }

    [Theory]
    [DatabaseProviders]
    public async Task Reimporting_the_same_file_changes_nothing_and_sends_nothing_twice(DatabaseProvider provider)
    {
        await using var host = await CarnetTestHost.StartAsync(provider);
        string[] file = [People.AliceLine(), People.BrunoByPost(), People.Line(People.Parent, "MARTIN", "Anne", "1982-03-10", "80250123499", email: "anne@example.org"), People.ChildLine(People.Parent)];
        await host.ImportAsync(file);

        var (again, errors) = await host.ImportAsync(file);

        errors.ShouldBeEmpty();
        again.Counts.ShouldBe(new ImportCounts(4, 0, 0, 4, 0));
        (await host.QueryAsync(db => db.Records.CountAsync())).ShouldBe(4);
        (await host.QueryAsync(db => db.OutboxMessages.CountAsync())).ShouldBe(3);
        (await host.QueryAsync(db => db.PostalLetters.CountAsync())).ShouldBe(1);
        (await host.QueryAsync(db => db.ProvisionalCodes.CountAsync())).ShouldBe(4);
        (await host.QueryAsync(db => db.Representations.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Reimport_updates_contact_details_of_an_informed_person_without_a_new_notice()
    {
        await using var host = await CarnetTestHost.StartAsync();
        await host.ImportAsync(People.AliceLine());
        await host.DispatchOutboxAsync();

        var (result, _) = await host.ImportAsync(People.Line(People.Alice, "MARTIN", "Alice", "1985-03-21", People.AliceVitale, email: "alice.new@example.org"));

        result.Counts.Updated.ShouldBe(1);
        (await host.RecordAsync(People.Alice)).Email.ShouldBe("alice.new@example.org");
        (await host.QueryAsync(db => db.OutboxMessages.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task A_person_not_yet_informed_gets_the_notice_at_the_new_address_only()
    {
        await using var host = await CarnetTestHost.StartAsync();
        await host.ImportAsync(People.AliceLine());

        await host.ImportAsync(People.Line(People.Alice, "MARTIN", "Alice", "1985-03-21", People.AliceVitale, email: "alice.new@example.org"));
        await host.DispatchOutboxAsync();

        host.Mail.Mails.ShouldHaveSingleItem().To.ShouldBe("alice.new@example.org");
        (await host.QueryAsync(db => db.ProvisionalCodes.CountAsync(c => c.SupersededAt == null))).ShouldBe(1);
    }

    [Fact]
    public async Task Csv_import_reads_quoted_fields_and_reports_csv_line_numbers()
    {
        await using var host = await CarnetTestHost.StartAsync();
        var csv = $"""
            nir,family_name,given_names,birth_date,vitale_serial,email,address_line1,postal_code,city,representatives
            {People.Alice},MARTIN,"Alice, Marie",1985-03-21,{People.AliceVitale},{People.AliceEmail},,,,
            {People.Bruno},DURAND,Bruno,1979-01-03,80250987654,,"4 rue des Lilas
            Bâtiment B",69001,Lyon,
            {People.Chloe},BENALI,Chloé,1999-13-15,80251112223,chloe@example.org,,,,
            """;
        var errors = new List<ImportLineError>();

        var result = await host.RunAsync<ImportInsuredPersons, ImportInsuredPersons.Result>(import => import.HandleAsync(
            new ImportInsuredPersons.Request(new MemoryStream(Encoding.UTF8.GetBytes(csv)), ImportFormat.Csv, "persons.csv", e =>
            {
                errors.Add(e);
                return ValueTask.CompletedTask;
            }),
            CancellationToken.None));

        result.Counts.Created.ShouldBe(2);
        (await host.RecordAsync(People.Alice)).GivenNames.ShouldBe("Alice, Marie");
        (await host.RecordAsync(People.Bruno)).Address!.Line1.ShouldBe("4 rue des Lilas\nBâtiment B");
        errors.ShouldHaveSingleItem().Line.ShouldBe(5);
        errors[0].Field.ShouldBe("birth_date");
    }

    [Fact]
    public async Task Csv_header_without_required_columns_is_refused_before_any_line()
    {
        await using var host = await CarnetTestHost.StartAsync();
        var csv = $"nir,family_name\n{People.Alice},MARTIN\n";

        var error = await Should.ThrowAsync<ImportFileException>(() => host.RunAsync<ImportInsuredPersons, ImportInsuredPersons.Result>(import => import.HandleAsync(
            new ImportInsuredPersons.Request(new MemoryStream(Encoding.UTF8.GetBytes(csv)), ImportFormat.Csv, "persons.csv"),
            CancellationToken.None)));

        error.Message.ShouldContain("given_names");
        (await host.QueryAsync(db => db.Records.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Person_without_email_gets_the_notice_as_a_postal_letter()
    {
        await using var host = await CarnetTestHost.StartAsync();

        await host.ImportAsync(People.BrunoByPost());

        var letter = await host.QueryAsync(db => db.PostalLetters.SingleAsync());
        letter.Purpose.ShouldBe(NoticePurposes.Notice);
        letter.Recipient.ShouldBe("Bruno DURAND");
        letter.Address.City.ShouldBe("Lyon");
        (await host.QueryAsync(db => db.OutboxMessages.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Person_with_neither_email_nor_address_is_rejected()
    {
        await using var host = await CarnetTestHost.StartAsync();

        var (_, errors) = await host.ImportAsync(People.Line(People.Alice, "MARTIN", "Alice", "1985-03-21", People.AliceVitale));

        errors.ShouldHaveSingleItem().Problem.ShouldContain("notice cannot be sent");
    }

    [Fact]
    public async Task A_minor_is_attached_to_a_legal_representative_until_eighteen()
    {
        await using var host = await CarnetTestHost.StartAsync();

        await host.ImportAsync(People.ChildLine(People.Parent));

        var child = await host.RecordAsync(People.Child);
        var representation = await host.QueryAsync(db => db.Representations.SingleAsync(r => r.RecordId == child.Id));
        representation.RepresentativeNir.Value.ShouldBe(People.Parent);
        representation.Kind.ShouldBe(RepresentationKind.ParentOfMinor);
        representation.EndsOn.ShouldBe(new DateOnly(2032, 6, 2));
        var notice = await host.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.RecordId == child.Id));
        notice.Body.ShouldContain("représentant légal de Léo MARTIN");
    }

    [Fact]
    public async Task A_minor_without_legal_representative_is_rejected()
    {
        await using var host = await CarnetTestHost.StartAsync();

        var (_, errors) = await host.ImportAsync(People.ChildLine());

        errors.ShouldHaveSingleItem().Field.ShouldBe("representatives");
    }

    [Fact]
    public async Task Birth_date_must_match_the_year_and_month_in_the_nir()
    {
        await using var host = await CarnetTestHost.StartAsync();

        var (_, errors) = await host.ImportAsync(People.Line(People.Alice, "MARTIN", "Alice", "1985-04-21", People.AliceVitale, email: People.AliceEmail));

        errors.ShouldHaveSingleItem().Field.ShouldBe("birth_date");
    }

    [Fact]
    public async Task Test_and_demo_ins_authorities_are_refused_in_production_mode()
    {
        await using var host = await CarnetTestHost.StartAsync(settings: new Dictionary<string, string?>(StringComparer.Ordinal) { ["Carnet:Ins:AllowTestAuthorities"] = "false" });

        var (_, errors) = await host.ImportAsync(People.Line(People.Alice, "MARTIN", "Alice", "1985-03-21", People.AliceVitale, email: People.AliceEmail, insAuthority: "1.2.250.1.213.1.4.11"));

        errors.ShouldHaveSingleItem().Field.ShouldBe("ins_authority");
    }

    [Fact]
    public async Task Demo_ins_authority_is_kept_in_development_mode()
    {
        await using var host = await CarnetTestHost.StartAsync();

        await host.ImportAsync(People.Line(People.Alice, "MARTIN", "Alice", "1985-03-21", People.AliceVitale, email: People.AliceEmail, insAuthority: "urn:oid:1.2.250.1.213.1.4.11"));

        (await host.RecordAsync(People.Alice)).InsAuthority.ShouldBe(InsAuthority.DemoNir);
    }

    [Fact]
    public async Task Import_reports_progress_after_each_batch()
    {
        await using var host = await CarnetTestHost.StartAsync();
        var lines = Enumerable.Range(0, ImportInsuredPersons.BatchSize + 10)
            .Select(i => People.Line(People.Nir($"1790169{i:D6}"), "P", "Q", "1979-01-03", "80250987654", email: $"p{i}@example.org"));
        var reports = new List<ImportCounts>();

        await host.RunAsync<ImportInsuredPersons, ImportInsuredPersons.Result>(import => import.HandleAsync(
            new ImportInsuredPersons.Request(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))), ImportFormat.Ndjson, "big.ndjson", Progress: new Recorder(reports)),
            CancellationToken.None));

        reports.Count.ShouldBe(2);
        reports[0].Created.ShouldBe(ImportInsuredPersons.BatchSize);
        reports[1].Created.ShouldBe(ImportInsuredPersons.BatchSize + 10);
        (await host.QueryAsync(db => db.ImportBatches.SingleAsync())).Created.ShouldBe(ImportInsuredPersons.BatchSize + 10);
    }

    private sealed class Recorder(List<ImportCounts> reports) : IProgress<ImportCounts>
    {
        public void Report(ImportCounts value) => reports.Add(value);
    }
}
