using Carnet.Audit;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;
using Carnet.Tests.Documents;
using Carnet.Tests.Testing;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Tests.Audit;

public class AccessHistoryTests
{
    [Theory]
    [DatabaseProviders]
    public async Task The_holder_sees_their_history_newest_first_in_pages_of_100(DatabaseProvider provider)
    {
        await using var library = await Library.OpenAsync(provider);
        await TraceChainTests.AddTracesAsync(library, 130);
        var total = await library.Host.QueryAsync(db => db.Traces.CountAsync(t => t.RecordId == library.RecordId));

        var first = await HistoryAsync(library, library.Holder, new ShowAccessHistory.Query(library.RecordId));
        var second = await HistoryAsync(library, library.Holder, new ShowAccessHistory.Query(library.RecordId, Offset: ShowAccessHistory.PageSize));

        first.Total.ShouldBe(total);
        first.Items.Count.ShouldBe(100);
        first.HasMore.ShouldBeTrue();
        first.Items.Select(t => t.At).ShouldBeInOrder(SortDirection.Descending);
        first.Items[0].ActorName.ShouldBe("Émilie ROBIN");
        first.Items[0].ActorGroup.ShouldBe(ActorGroup.Professionals);
        second.Total.ShouldBe(total + 1); // the first look at the history is in it
        second.Items.Count.ShouldBe(second.Total - 100);
        second.HasMore.ShouldBeFalse();
        second.Items[0].At.ShouldBeLessThanOrEqualTo(first.Items[^1].At);
    }

    [Fact]
    public async Task The_holder_filters_their_history_by_actor_group()
    {
        await using var library = await Library.OpenAsync();
        await TraceChainTests.AddTracesAsync(library, 2);

        var professionals = await HistoryAsync(library, library.Holder, new ShowAccessHistory.Query(library.RecordId, ActorGroup.Professionals));
        var carnet = await HistoryAsync(library, library.Holder, new ShowAccessHistory.Query(library.RecordId, ActorGroup.Carnet));
        var holder = await HistoryAsync(library, library.Holder, new ShowAccessHistory.Query(library.RecordId, ActorGroup.Holder));

        professionals.Total.ShouldBe(2);
        professionals.Items.ShouldAllBe(t => t.ActorKind == ActorKind.Professional);
        carnet.Items.ShouldContain(t => t.Action == TraceActions.RecordCreated && t.ActorKind == ActorKind.System);
        carnet.Items.ShouldAllBe(t => t.ActorKind == ActorKind.System || t.ActorKind == ActorKind.Operator);

        // The two earlier looks at the history are in it: reading it is traced.
        holder.Items.Count(t => t.Action == TraceActions.TracesViewed).ShouldBe(2);
    }

    [Fact]
    public async Task The_holder_filters_their_history_by_dates()
    {
        await using var library = await Library.OpenAsync();
        var from = library.Host.Clock.GetUtcNow().AddSeconds(2);
        await TraceChainTests.AddTracesAsync(library, 5);
        var to = from.AddSeconds(3);

        var page = await HistoryAsync(library, library.Holder, new ShowAccessHistory.Query(library.RecordId, From: from, To: to));

        page.Total.ShouldBe(3);
        page.Items.ShouldAllBe(t => t.At >= from && t.At < to);
    }

    [Fact]
    public async Task A_professional_cannot_read_a_record_s_history()
    {
        await using var library = await Library.OpenAsync();
        await TraceChainTests.AddTracesAsync(library, 1);
        var before = await library.Host.QueryAsync(db => db.Traces.CountAsync());

        await Should.ThrowAsync<RecordNotFoundException>(() => HistoryAsync(library, library.Lab, new ShowAccessHistory.Query(library.RecordId)));
        await Should.ThrowAsync<RecordNotFoundException>(() => HistoryAsync(library, library.OtherProfessional, new ShowAccessHistory.Query(library.RecordId)));
        await Should.ThrowAsync<RecordNotFoundException>(() => HistoryAsync(library, library.Operator, new ShowAccessHistory.Query(library.RecordId)));

        (await library.Host.QueryAsync(db => db.Traces.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Another_holder_cannot_read_a_record_s_history_and_sees_not_found()
    {
        await using var library = await Library.OpenAsync();
        var stranger = new Caller(CallerKind.Holder, "Bruno DURAND", Guid.NewGuid(), HolderRecordId: Guid.NewGuid());

        var refused = await Should.ThrowAsync<RecordNotFoundException>(() => HistoryAsync(library, stranger, new ShowAccessHistory.Query(library.RecordId)));
        var absent = await Should.ThrowAsync<RecordNotFoundException>(() => HistoryAsync(library, library.Holder, new ShowAccessHistory.Query(Guid.NewGuid())));

        refused.Message.ShouldBe(absent.Message);
    }

    [Fact]
    public async Task Reading_the_history_leaves_a_trace_naming_the_reader()
    {
        await using var library = await Library.OpenAsync();

        await HistoryAsync(library, library.Holder, new ShowAccessHistory.Query(library.RecordId));

        var trace = (await library.TracesAsync(TraceActions.TracesViewed)).ShouldHaveSingleItem();
        trace.ActorKind.ShouldBe(ActorKind.Holder);
        trace.ActorName.ShouldBe("Alice MARTIN");
    }

    private static Task<ShowAccessHistory.Page> HistoryAsync(Library library, Caller caller, ShowAccessHistory.Query query) =>
        library.Host.RunAsync<ShowAccessHistory, ShowAccessHistory.Page>(h => h.HandleAsync(caller, query, CancellationToken.None));
}
