using Carnet.Persistence;
using Carnet.Records;
using Carnet.Tests.Testing;

namespace Carnet.Tests.Records;

/// <summary>DOMAIN.md §3.6 (CSP R1111-36): suspension by the operator, closure after six weeks without objection.</summary>
public class SuspensionTests
{
    [Theory]
    [DatabaseProviders]
    public async Task Suspended_record_is_closed_after_six_weeks_without_objection(DatabaseProvider provider)
    {
        await using var host = await Enrolled.AliceCreatedAsync(provider);
        var suspendedAt = host.Clock.UtcNow;

        (await host.OperatorStepAsync(LifecycleStep.Suspend)).ShouldBe(RecordState.Suspended);

        host.Clock.UtcNow = suspendedAt.AddDays(42).AddMinutes(-1);
        (await host.RunJobAsync<CloseRecordsAfterSuspension>()).ShouldBe(0);
        host.Clock.UtcNow = suspendedAt.AddDays(42);
        (await host.RunJobAsync<CloseRecordsAfterSuspension>()).ShouldBe(1);
        var closed = await host.RecordAsync(People.Alice);
        closed.State.ShouldBe(RecordState.Closed);
        closed.PurgeDueAt.ShouldBe(host.Clock.UtcNow.AddYears(10));
    }

    [Fact]
    public async Task The_holder_is_told_of_the_suspension_and_of_the_date_it_would_close()
    {
        await using var host = await Enrolled.AliceCreatedAsync();

        await host.OperatorStepAsync(LifecycleStep.Suspend);
        await host.DispatchOutboxAsync();

        host.Mail.MailsTo(People.AliceEmail)[^1].TextBody.ShouldContain("suspendu");
    }

    [Fact]
    public async Task Objection_to_a_suspension_prevents_the_automatic_closure()
    {
        await using var host = await Enrolled.AliceCreatedAsync();
        await host.OperatorStepAsync(LifecycleStep.Suspend);
        host.Clock.Advance(TimeSpan.FromDays(10));

        await host.OperatorStepAsync(LifecycleStep.ObjectToSuspension);
        host.Clock.Advance(TimeSpan.FromDays(60));

        (await host.RunJobAsync<CloseRecordsAfterSuspension>()).ShouldBe(0);
        (await host.RecordAsync(People.Alice)).State.ShouldBe(RecordState.Suspended);
        (await host.OperatorStepAsync(LifecycleStep.LiftSuspension)).ShouldBe(RecordState.Open);
    }

    [Fact]
    public async Task Only_an_open_record_can_be_suspended()
    {
        await using var host = await Enrolled.AliceInWindowAsync();

        var refused = await Should.ThrowAsync<LifecycleException>(() => host.OperatorStepAsync(LifecycleStep.Suspend));

        refused.Code.ShouldBe("record_not_open");
    }
}
