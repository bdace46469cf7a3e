using Carnet.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Carnet.Records;

/// <summary>HTTP for the records a signed-in caller may open. The route group requires the health-data policy.</summary>
public static class RecordEndpoints
{
    public static RouteGroupBuilder MapRecordEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync).WithSummary("The records the caller may open: their own and those of the people they represent.");
        group.MapGet("/{recordId:guid}", ShowAsync).WithSummary("One record's summary; not found when absent or not the caller's to open.");
        return group;
    }

    private static async Task<Ok<IReadOnlyList<ShowRecords.Summary>>> ListAsync(HttpContext http, ShowRecords handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ListAsync(Caller.From(http.User)!, ct));

    private static async Task<Ok<ShowRecords.Summary>> ShowAsync(HttpContext http, Guid recordId, ShowRecords handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ShowAsync(Caller.From(http.User)!, recordId, ct));
}
