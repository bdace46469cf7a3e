using Carnet.Audit;
using Carnet.Mail;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.Records.Enrolment;
using Carnet.Records.Notices;
using Carnet.Tests.Testing;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Tests.Records;

/// <summary>DOMAIN.md §3.1–3.2: information, the six-week window, opposition and changing one's mind.</summary>
public class OppositionWindowTests
{
    [Fact]
    public async Task Notice_delivery_starts_the_six_week_opposition_window()
    {
        await using var host = await CarnetTestHost.StartAsync();
        await host.ImportAsync(People.AliceLine());
        host.Clock.Advance(TimeSpan.FromHours(3));

        await host.DispatchOutboxAsync();

        var record = await host.RecordAsync(People.Alice);
        record.State.ShouldBe(RecordState.OppositionWindow);
        record.NoticeSentAt.ShouldBe(host.Clock.UtcNow);
        record.OppositionWindowEndsAt.ShouldBe(host.Clock.UtcNow.AddDays(42));
        host.Mail.MailsTo(People.AliceEmail).ShouldHaveSingleItem().TextBody.ShouldContain("six semaines");
    }

    [Theory]
    [DatabaseProviders]
    public async Task Record_is_created_six_weeks_after_notice_without_opposition(DatabaseProvider provider)
    {
        await using var host = await CarnetTestHost.StartAsync(provider);
        await host.ImportAsync(People.AliceLine());
        await host.DispatchOutboxAsync();

        host.Clock.Advance(TimeSpan.FromDays(42) - TimeSpan.FromMinutes(1));
        (await host.RunJobAsync<CreateRecordsAfterOppositionWindow>()).ShouldBe(0);
        (await host.RecordAsync(People.Alice)).State.ShouldBe(RecordState.OppositionWindow);

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        (await host.RunJobAsync<CreateRecordsAfterOppositionWindow>()).ShouldBe(1);

        var record = await host.RecordAsync(People.Alice);
        record.State.ShouldBe(RecordState.Open);
        record.CreatedAt.ShouldBe(host.Clock.UtcNow);
        record.IsActivated.ShouldBeFalse();
        var trace = await host.QueryAsync(db => db.Traces.SingleAsync(t => t.RecordId == record.Id));
        trace.Action.ShouldBe(TraceActions.RecordCreated);
        trace.ActorKind.ShouldBe(ActorKind.System);
    }

    [Fact]
    public async Task No_record_is_created_while_the_notice_has_not_been_sent()
    {
        await using var host = await CarnetTestHost.StartAsync();
        host.Mail.Failure = new MailDeliveryException("SMTP down", isPermanent: false);
        await host.ImportAsync(People.AliceLine());
        await host.DispatchOutboxAsync();

        host.Clock.Advance(TimeSpan.FromDays(60));
        await host.RunJobAsync<CreateRecordsAfterOppositionWindow>();

        (await host.RecordAsync(People.Alice)).State.ShouldBe(RecordState.AwaitingNotice);
    }

    [Fact]
    public async Task Notice_is_never_lost_when_the_mail_server_is_down()
    {
        await using var host = await CarnetTestHost.StartAsync();
        host.Mail.Failure = new MailDeliveryException("SMTP server refused the connection", isPermanent: false);
        await host.ImportAsync(People.AliceLine());

        await host.DispatchOutboxAsync();
        var message = await host.QueryAsync(db => db.OutboxMessages.SingleAsync());
        message.Status.ShouldBe(OutboxStatus.Pending);
        message.Attempts.ShouldBe(1);
        message.NextAttemptAt.ShouldBe(host.Clock.UtcNow.AddMinutes(1));
        message.LastError.ShouldBe("SMTP server refused the connection");

        host.Clock.Advance(TimeSpan.FromSeconds(30));
        (await host.DispatchOutboxAsync()).ShouldBe(0);
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        await host.DispatchOutboxAsync();
        (await host.QueryAsync(db => db.OutboxMessages.SingleAsync())).NextAttemptAt.ShouldBe(host.Clock.UtcNow.AddMinutes(2));

        host.Mail.Failure = null;
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await host.DispatchOutboxAsync();

        var sent = await host.QueryAsync(db => db.OutboxMessages.SingleAsync());
        sent.Status.ShouldBe(OutboxStatus.Sent);
        sent.Body.ShouldBeEmpty();
        host.Mail.MailsTo(People.AliceEmail).ShouldHaveSingleItem();
        (await host.RecordAsync(People.Alice)).NoticeSentAt.ShouldBe(host.Clock.UtcNow);
    }

    [Fact]
    public async Task Bounced_notice_is_sent_again_by_post_with_a_new_code()
    {
        await using var host = await CarnetTestHost.StartAsync();
        host.Mail.Failure = new MailDeliveryException("550 mailbox unavailable", isPermanent: true);
        await host.ImportAsync(People.Line(People.Alice, "MARTIN", "Alice", "1985-03-21", People.AliceVitale, email: People.AliceEmail, address: ("1 place Bellecour", "69002", "Lyon")));

        await host.DispatchOutboxAsync();

        (await host.QueryAsync(db => db.OutboxMessages.SingleAsync())).Status.ShouldBe(OutboxStatus.Bounced);
        var letter = await host.QueryAsync(db => db.PostalLetters.SingleAsync());
        letter.Purpose.ShouldBe(NoticePurposes.Notice);
        var codes = await host.QueryAsync(db => db.ProvisionalCodes.OrderBy(c => c.IssuedAt).ToListAsync());
        codes.Count.ShouldBe(2);
        codes[0].SupersededAt.ShouldNotBeNull();
        codes[1].IsLive(host.Clock.UtcNow).ShouldBeTrue();
        (await host.RecordAsync(People.Alice)).State.ShouldBe(RecordState.AwaitingNotice);
    }

    [Fact]
    public async Task Letter_export_starts_the_window_of_notices_sent_by_post()
    {
        await using var host = await CarnetTestHost.StartAsync();
        await host.ImportAsync(People.BrunoByPost());
        host.Clock.Advance(TimeSpan.FromDays(1));
        using var output = new StringWriter();

        var exported = await host.RunAsync<ExportPostalLetters, int>(export => export.HandleAsync(output, CancellationToken.None));

        exported.ShouldBe(1);
        var csv = output.ToString();
        csv.ShouldStartWith("letter_id,purpose,recipient,address_line1");
        csv.ShouldContain("Bruno DURAND");
        csv.ShouldMatch("[A-Z2-9]{5}-[A-Z2-9]{5}");
        var record = await host.RecordAsync(People.Bruno);
        record.State.ShouldBe(RecordState.OppositionWindow);
        record.NoticeSentAt.ShouldBe(host.Clock.UtcNow);
        var letter = await host.QueryAsync(db => db.PostalLetters.SingleAsync());
        letter.Body.ShouldBeEmpty();
        (await host.RunAsync<ExportPostalLetters, int>(export => export.HandleAsync(new StringWriter(), CancellationToken.None))).ShouldBe(0);
    }

    [Fact]
    public async Task Objection_within_the_window_prevents_creation()
    {
        await using var host = await Enrolled.AliceInWindowAsync();

        var state = await host.HolderStepAsync(LifecycleStep.ObjectToCreation, host.Mail.LastProvisionalCodeTo(People.AliceEmail));

        state.ShouldBe(RecordState.Objected);
        host.Clock.Advance(TimeSpan.FromDays(50));
        (await host.RunJobAsync<CreateRecordsAfterOppositionWindow>()).ShouldBe(0);
        (await host.RecordAsync(People.Alice)).State.ShouldBe(RecordState.Objected);
        (await host.QueryAsync(db => db.Traces.SingleAsync())).Action.ShouldBe(TraceActions.RecordObjected);
    }

    [Fact]
    public async Task Objection_needs_the_provisional_code_the_nir_and_the_vitale_serial()
    {
        await using var host = await Enrolled.AliceInWindowAsync();
        var code = host.Mail.LastProvisionalCodeTo(People.AliceEmail);

        var wrongSerial = await Should.ThrowAsync<LifecycleException>(() => host.HolderStepAsync(LifecycleStep.ObjectToCreation, code, vitale: "80250123457"));
        var wrongCode = await Should.ThrowAsync<LifecycleException>(() => host.HolderStepAsync(LifecycleStep.ObjectToCreation, "AAAAA-BBBBB"));
        var noCode = await Should.ThrowAsync<Carnet.Identifiers.IdentifierException>(() => host.HolderStepAsync(LifecycleStep.ObjectToCreation, ""));

        wrongSerial.Code.ShouldBe(IdentityProof.NotRecognised);
        wrongCode.Code.ShouldBe("code_invalid");
        noCode.Field.ShouldBe("provisionalCode");
        (await host.RecordAsync(People.Alice)).State.ShouldBe(RecordState.OppositionWindow);
    }

    [Fact]
    public async Task An_unknown_nir_and_a_wrong_vitale_serial_get_the_same_answer()
    {
        await using var host = await Enrolled.AliceInWindowAsync();
        var code = host.Mail.LastProvisionalCodeTo(People.AliceEmail);

        var unknown = await Should.ThrowAsync<LifecycleException>(() => host.HolderStepAsync(LifecycleStep.ObjectToCreation, code, nir: People.Chloe));
        var wrongSerial = await Should.ThrowAsync<LifecycleException>(() => host.HolderStepAsync(LifecycleStep.ObjectToCreation, code, vitale: "80250123457"));

        unknown.Code.ShouldBe(wrongSerial.Code);
        unknown.Message.ShouldBe(wrongSerial.Message);
    }

    [Fact]
    public async Task Objection_after_creation_is_refused_and_points_to_closure()
    {
        await using var host = await Enrolled.AliceInWindowAsync();
        host.Clock.Advance(TimeSpan.FromDays(42));
        await host.RunJobAsync<CreateRecordsAfterOppositionWindow>();

        var refused = await Should.ThrowAsync<LifecycleException>(() => host.HolderStepAsync(LifecycleStep.ObjectToCreation, host.Mail.LastProvisionalCodeTo(People.AliceEmail)));

        refused.Code.ShouldBe("record_already_created");
        refused.Message.ShouldContain("close it");
    }

    [Fact]
    public async Task A_person_who_objected_can_change_their_mind_and_have_the_record_created()
    {
        await using var host = await Enrolled.AliceInWindowAsync();
        await host.HolderStepAsync(LifecycleStep.ObjectToCreation, host.Mail.LastProvisionalCodeTo(People.AliceEmail));
        host.Clock.Advance(TimeSpan.FromDays(200));
        await host.RequestCodeAsync();
        await host.DispatchOutboxAsync();

        var state = await host.HolderStepAsync(LifecycleStep.Reopen, host.Mail.LastProvisionalCodeTo(People.AliceEmail));

        state.ShouldBe(RecordState.Open);
        (await host.RecordAsync(People.Alice)).CreatedAt.ShouldBe(host.Clock.UtcNow);
        await host.DispatchOutboxAsync();
        host.Mail.MailsTo(People.AliceEmail)[^1].TextBody.ShouldContain("Vous avez changé d'avis");
    }
}
