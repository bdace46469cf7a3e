using Carnet.Mail;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.Records.Notices;
using Carnet.Tests.Testing;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Tests.Records;

/// <summary>Edges of the lifecycle: temporary numbers, late notices, contact changes, bad lines, concurrency.</summary>
public class LifecycleEdgeTests
{
    [Fact]
    public async Task A_person_known_by_a_temporary_number_can_object_with_it()
    {
        await using var host = await CarnetTestHost.StartAsync();
        var nia = People.Nir("7850375056123");
        await host.ImportAsync(People.Line(nia, "NOUVEL", "Arrivant", "1985-03-21", "80250123456", email: "nia@example.org", insAuthority: "1.2.250.1.213.1.4.9"));
        await host.DispatchOutboxAsync();

        var state = await host.HolderStepAsync(LifecycleStep.ObjectToCreation, host.Mail.LastProvisionalCodeTo("nia@example.org"), nir: nia, vitale: "80250123456");

        state.ShouldBe(RecordState.Objected);
    }

    [Fact]
    public async Task A_code_sent_late_still_lasts_the_whole_opposition_window()
    {
        await using var host = await CarnetTestHost.StartAsync();
        await host.ImportAsync(People.BrunoByPost());
        host.Clock.Advance(TimeSpan.FromDays(40));
        var letters = new StringWriter();
        await host.RunAsync<ExportPostalLetters, int>(export => export.HandleAsync(letters, CancellationToken.None));
        var code = System.Text.RegularExpressions.Regex.Match(letters.ToString(), "[A-Z2-9]{5}-[A-Z2-9]{5}").Value;

        host.Clock.Advance(TimeSpan.FromDays(41));
        var state = await host.HolderStepAsync(LifecycleStep.ObjectToCreation, code, nir: People.Bruno, vitale: "80250987654");

        state.ShouldBe(RecordState.Objected);
    }

    [Fact]
    public async Task New_contact_details_for_a_person_not_yet_informed_send_the_notice_again()
    {
        await using var host = await CarnetTestHost.StartAsync();
        host.Mail.Failure = new MailDeliveryException("550 unknown mailbox", isPermanent: true);
        await host.ImportAsync(People.AliceLine());
        await host.DispatchOutboxAsync();
        host.Mail.Failure = null;
        host.Clock.Advance(TimeSpan.FromDays(3));

        await host.ImportAsync(People.Line(People.Alice, "MARTIN", "Alice", "1985-03-21", People.AliceVitale, email: "alice.fixed@example.org"));
        await host.DispatchOutboxAsync();

        host.Mail.MailsTo("alice.fixed@example.org").ShouldHaveSingleItem().TextBody.ShouldContain("six semaines");
        (await host.RecordAsync(People.Alice)).State.ShouldBe(RecordState.OppositionWindow);
    }

    [Theory]
    [DatabaseProviders]
    public async Task An_overlong_address_is_a_rejected_line_and_the_rest_of_the_batch_is_saved(DatabaseProvider provider)
    {
        await using var host = await CarnetTestHost.StartAsync(provider);

        var (result, errors) = await host.ImportAsync(
            People.AliceLine(),
            People.Line(People.Bruno, "DURAND", "Bruno", "1979-01-03", "80250987654", address: (new string('x', 201), "69001", "Lyon")));

        result.Counts.Created.ShouldBe(1);
        errors.ShouldHaveSingleItem().Field.ShouldBe("address_line1");
    }

    [Theory]
    [DatabaseProviders]
    public async Task A_line_the_database_refuses_costs_only_that_line(DatabaseProvider provider)
    {
        await using var host = await CarnetTestHost.StartAsync(provider);
        await host.ImportAsync(People.AliceLine());
        // A constraint validation does not know about makes the database refuse one line of the batch.
        await host.QueryAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("CREATE UNIQUE INDEX \"IX_test_refuse_bruno\" ON \"Records\" (\"FamilyName\") WHERE \"FamilyName\" = 'REFUSED'");
            return 0;
        });
        await host.ImportAsync(People.Line(People.Chloe, "REFUSED", "Chloé", "1999-01-15", "80251112223", email: "c@example.org"));

        var (result, errors) = await host.ImportAsync(
            People.BrunoByPost(),
            People.Line(People.Parent, "REFUSED", "Anne", "1982-03-10", "80250123499", email: "anne@example.org"));

        result.Counts.Created.ShouldBe(1);
        errors.ShouldHaveSingleItem().Line.ShouldBe(2);
        (await host.RecordAsync(People.Bruno)).FamilyName.ShouldBe("DURAND");
    }

    [Theory]
    [DatabaseProviders]
    public async Task Two_nodes_moving_the_same_record_conflict_and_only_one_wins(DatabaseProvider provider)
    {
        await using var host = await Enrolled.AliceInWindowAsync(provider);
        host.Clock.Advance(LifecycleRules.OppositionWindow);

        await using var nodeA = host.Services.CreateAsyncScopeWith(out var dbA);
        await using var nodeB = host.Services.CreateAsyncScopeWith(out var dbB);
        var a = await dbA.Records.SingleAsync();
        var b = await dbB.Records.SingleAsync();
        a.CreateAutomatically(host.Clock.UtcNow);
        b.ObjectToCreation(host.Clock.UtcNow);
        await dbA.SaveChangesAsync();

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => dbB.SaveChangesAsync());
        (await host.RecordAsync(People.Alice)).State.ShouldBe(RecordState.Open);
    }

    [Theory]
    [DatabaseProviders]
    public async Task A_message_claimed_by_another_node_is_not_sent_twice(DatabaseProvider provider)
    {
        await using var host = await CarnetTestHost.StartAsync(provider);
        await host.ImportAsync(People.AliceLine());
        var until = host.Clock.UtcNow.AddMinutes(5);
        await host.QueryAsync(db => db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until)));

        (await host.DispatchOutboxAsync()).ShouldBe(0);
        host.Mail.Mails.ShouldBeEmpty();

        // The other node died: its claim lapses and the message goes out once.
        host.Clock.Advance(TimeSpan.FromMinutes(6));
        (await host.DispatchOutboxAsync()).ShouldBe(1);
        (await host.DispatchOutboxAsync()).ShouldBe(0);
        host.Mail.Mails.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_transient_failure_releases_the_claim_for_the_next_attempt()
    {
        await using var host = await CarnetTestHost.StartAsync();
        host.Mail.Failure = new MailDeliveryException("down", isPermanent: false);
        await host.ImportAsync(People.AliceLine());
        await host.DispatchOutboxAsync();
        host.Mail.Failure = null;

        host.Clock.Advance(TimeSpan.FromMinutes(1));

        (await host.DispatchOutboxAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_suspended_record_can_still_be_closed_at_the_holders_request()
    {
        await using var host = await Enrolled.AliceCreatedAsync();
        await host.OperatorStepAsync(LifecycleStep.Suspend);

        (await host.OperatorStepAsync(LifecycleStep.CloseAndDelete)).ShouldBe(RecordState.Closed);
    }

    [Fact]
    public async Task Codes_by_post_asked_by_the_person_are_capped_each_month()
    {
        await using var host = await CarnetTestHost.StartAsync();
        await host.ImportAsync(People.BrunoByPost());
        for (var i = 1; i < HolderMail.MaxRequestedLettersPerMonth; i++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            await host.RequestCodeAsync(People.Bruno, "80250987654");
        }

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var refused = await Should.ThrowAsync<LifecycleException>(() => host.RequestCodeAsync(People.Bruno, "80250987654"));

        refused.Code.ShouldBe("too_many_letters");
        host.Clock.Advance(TimeSpan.FromDays(31));
        await host.RequestCodeAsync(People.Bruno, "80250987654");
    }
}
