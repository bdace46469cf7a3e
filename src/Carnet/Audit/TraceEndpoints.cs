using Carnet.Identifiers;
using Carnet.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Carnet.Audit;

/// <summary>The holder's access history over REST. Mapped under <c>/api/records/{recordId}</c>, behind the health-data policy.</summary>
public static class TraceEndpoints
{
    public static RouteGroupBuilder MapTraceEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/traces", HistoryAsync).WithSummary("Who read or changed the record, newest first, 100 a page (page=1, 2, …). group = holder, professionals, services or carnet; from (inclusive) and to (exclusive) are instants or dates.");
        return group;
    }

    public sealed record TracePage(IReadOnlyList<TraceView> Items, int Total, int Page, int PageSize, bool HasMore);

    public sealed record TraceView(DateTimeOffset At, ActorKind ActorKind, ActorGroup ActorGroup, string ActorName, string Action, string? Target, AccessMode AccessMode);

    private static async Task<Ok<TracePage>> HistoryAsync(HttpContext http, Guid recordId, ShowAccessHistory handler, string? group, DateTimeOffset? from, DateTimeOffset? to, int? page, CancellationToken ct)
    {
        var number = Math.Max(1, page ?? 1);
        var query = new ShowAccessHistory.Query(recordId, GroupOf(group), from, to, (number - 1) * ShowAccessHistory.PageSize);
        var result = await handler.HandleAsync(Caller.From(http.User)!, query, ct);
        var items = result.Items.Select(t => new TraceView(t.At, t.ActorKind, t.ActorGroup, t.ActorName, t.Action, t.Target, t.AccessMode)).ToList();
        return TypedResults.Ok(new TracePage(items, result.Total, number, ShowAccessHistory.PageSize, result.HasMore));
    }

    private static ActorGroup? GroupOf(string? value) => value switch
    {
        null or "" => null,
        _ when Enum.TryParse<ActorGroup>(value, ignoreCase: true, out var group) && !char.IsAsciiDigit(value[0]) => group,
        _ => throw new IdentifierException("group", "is not an actor group: use holder, professionals, services or carnet (or leave it out for all)."),
    };
}
