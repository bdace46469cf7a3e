using Carnet.Audit;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.Tests.Testing;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Tests.Records;

/// <summary>DOMAIN.md §3.5 (CSP R1111-36): closure, ten-year archive, deletion within three months, reopening.</summary>
public class ClosureTests
{
    [Theory]
    [DatabaseProviders]
    public async Task Closed_record_is_archived_ten_years_then_purged(DatabaseProvider provider)
    {
        await using var host = await Enrolled.AliceCreatedAsync(provider);
        var closedAt = host.Clock.UtcNow;

        (await host.HolderStepAsync(LifecycleStep.Close, await host.NewCodeAsync())).ShouldBe(RecordState.Closed);

        var closed = await host.RecordAsync(People.Alice);
        closed.ClosedAt.ShouldBe(closedAt);
        closed.PurgeDueAt.ShouldBe(closedAt.AddYears(10));
        host.Clock.UtcNow = closedAt.AddYears(10).AddMinutes(-1);
        (await host.RunJobAsync<PurgeClosedRecords>()).ShouldBe(0);

        host.Clock.UtcNow = closedAt.AddYears(10);
        (await host.RunJobAsync<PurgeClosedRecords>()).ShouldBe(1);

        var purged = await host.RecordAsync(People.Alice);
        purged.State.ShouldBe(RecordState.Purged);
        (await host.QueryAsync(db => db.ProvisionalCodes.CountAsync(c => c.RecordId == purged.Id))).ShouldBe(0);
        (await host.QueryAsync(db => db.Traces.OrderBy(t => t.Id).Select(t => t.Action).ToListAsync())).ShouldBe([TraceActions.RecordCreated, TraceActions.RecordClosed, TraceActions.RecordPurged]);
    }

    [Theory]
    [DatabaseProviders]
    public async Task Each_trace_of_a_purged_record_is_kept_two_years(DatabaseProvider provider)
    {
        await using var host = await Enrolled.AliceCreatedAsync(provider);
        var createdAt = host.Clock.UtcNow;
        host.Clock.Advance(TimeSpan.FromDays(300));
        await host.HolderStepAsync(LifecycleStep.CloseAndDelete, await host.NewCodeAsync());
        await host.RunJobAsync<PurgeClosedRecords>();
        var purgedAt = host.Clock.UtcNow;

        host.Clock.UtcNow = createdAt.AddYears(2).AddMinutes(-1);
        (await host.RunJobAsync<PurgeExpiredTraces>()).ShouldBe(0);
        host.Clock.UtcNow = createdAt.AddYears(2);
        (await host.RunJobAsync<PurgeExpiredTraces>()).ShouldBe(0, "strictly older than two years");
        host.Clock.UtcNow = createdAt.AddYears(2).AddMinutes(1);
        (await host.RunJobAsync<PurgeExpiredTraces>()).ShouldBe(1);
        host.Clock.UtcNow = purgedAt.AddYears(2).AddMinutes(1);
        (await host.RunJobAsync<PurgeExpiredTraces>()).ShouldBe(2);

        (await host.QueryAsync(db => db.Traces.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Traces_of_a_record_that_still_exists_are_never_purged()
    {
        await using var host = await Enrolled.AliceCreatedAsync();
        host.Clock.Advance(TimeSpan.FromDays(365 * 5));

        (await host.RunJobAsync<PurgeExpiredTraces>()).ShouldBe(0);
    }

    [Fact]
    public async Task Closure_tells_the_holder_until_when_the_data_are_archived()
    {
        await using var host = await Enrolled.AliceCreatedAsync();

        await host.HolderStepAsync(LifecycleStep.Close, await host.NewCodeAsync());
        await host.DispatchOutboxAsync();

        host.Mail.MailsTo(People.AliceEmail)[^1].TextBody.ShouldContain("archivées jusqu'au");
    }

    [Theory]
    [DatabaseProviders]
    public async Task Deletion_request_is_carried_out_within_three_months(DatabaseProvider provider)
    {
        await using var host = await Enrolled.AliceCreatedAsync(provider);
        var requestedAt = host.Clock.UtcNow;

        await host.HolderStepAsync(LifecycleStep.CloseAndDelete, await host.NewCodeAsync());

        var pending = await host.RecordAsync(People.Alice);
        pending.IsDeletionPending.ShouldBeTrue();
        pending.DeletionDueAt.ShouldBe(requestedAt.AddMonths(3));
        host.Clock.Advance(TimeSpan.FromHours(1));
        (await host.RunJobAsync<PurgeClosedRecords>()).ShouldBe(1);
        var deleted = await host.RecordAsync(People.Alice);
        deleted.State.ShouldBe(RecordState.Purged);
        deleted.PurgedAt!.Value.ShouldBeLessThanOrEqualTo(requestedAt.AddMonths(3));

        await host.DispatchOutboxAsync();
        var mails = host.Mail.MailsTo(People.AliceEmail);
        mails.ShouldContain(m => m.TextBody.Contains("au plus tard le"));
        mails[^1].TextBody.ShouldContain("ont été supprimées");
    }

    [Fact]
    public async Task Deletion_can_be_asked_for_an_already_closed_record()
    {
        await using var host = await Enrolled.AliceCreatedAsync();
        await host.HolderStepAsync(LifecycleStep.Close, await host.NewCodeAsync());
        host.Clock.Advance(TimeSpan.FromDays(400));

        await host.HolderStepAsync(LifecycleStep.RequestDeletion, await host.NewCodeAsync());

        (await host.RecordAsync(People.Alice)).DeletionDueAt.ShouldBe(host.Clock.UtcNow.AddMonths(3));
    }

    [Fact]
    public async Task Reopening_restores_the_archive_and_cancels_the_scheduled_purge()
    {
        await using var host = await Enrolled.AliceCreatedAsync();
        var created = (await host.RecordAsync(People.Alice)).CreatedAt;
        await host.HolderStepAsync(LifecycleStep.Close, await host.NewCodeAsync());
        host.Clock.Advance(TimeSpan.FromDays(365 * 3));

        (await host.HolderStepAsync(LifecycleStep.Reopen, await host.NewCodeAsync())).ShouldBe(RecordState.Open);

        var reopened = await host.RecordAsync(People.Alice);
        reopened.PurgeDueAt.ShouldBeNull();
        reopened.CreatedAt.ShouldBe(created);
        (await host.QueryAsync(db => db.Traces.CountAsync(t => t.RecordId == reopened.Id))).ShouldBe(3);
        host.Clock.Advance(TimeSpan.FromDays(365 * 8));
        (await host.RunJobAsync<PurgeClosedRecords>()).ShouldBe(0);
    }

    [Fact]
    public async Task Record_closed_with_a_pending_deletion_cannot_reopen_until_deletion_completes()
    {
        await using var host = await Enrolled.AliceCreatedAsync();
        await host.HolderStepAsync(LifecycleStep.CloseAndDelete, await host.NewCodeAsync());
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var code = await host.NewCodeAsync();

        var refused = await Should.ThrowAsync<LifecycleException>(() => host.HolderStepAsync(LifecycleStep.Reopen, code));
        refused.Code.ShouldBe("deletion_pending");
        refused.Message.ShouldContain("once it is done");

        await host.RunJobAsync<PurgeClosedRecords>();
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        (await host.HolderStepAsync(LifecycleStep.Reopen, await host.NewCodeAsync())).ShouldBe(RecordState.Open);
    }

    [Fact]
    public async Task Reopening_after_deletion_starts_an_empty_record_to_activate_again()
    {
        await using var host = await Enrolled.AliceCreatedAsync();
        await host.HolderStepAsync(LifecycleStep.CloseAndDelete, await host.NewCodeAsync());
        await host.RunJobAsync<PurgeClosedRecords>();
        host.Clock.Advance(TimeSpan.FromDays(10));

        await host.HolderStepAsync(LifecycleStep.Reopen, await host.NewCodeAsync());

        var fresh = await host.RecordAsync(People.Alice);
        fresh.State.ShouldBe(RecordState.Open);
        fresh.CreatedAt.ShouldBe(host.Clock.UtcNow);
        fresh.IsActivated.ShouldBeFalse();
        fresh.DeletionRequestedAt.ShouldBeNull();
    }

    [Fact]
    public async Task The_operator_closes_a_record_on_the_holders_request()
    {
        await using var host = await Enrolled.AliceCreatedAsync();

        (await host.OperatorStepAsync(LifecycleStep.Close)).ShouldBe(RecordState.Closed);

        var trace = await host.QueryAsync(db => db.Traces.OrderBy(t => t.Id).LastAsync());
        trace.ActorKind.ShouldBe(ActorKind.Operator);
        trace.Action.ShouldBe(TraceActions.RecordClosed);
    }
}
