using Carnet.Identifiers;
using Carnet.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Carnet.Records;

/// <summary>
/// The operator's support API on a record's lifecycle (administrative data only). The NIR travels in the
/// body, never in the URL, so that it cannot end up in access logs.
/// </summary>
public static class LifecycleAdminEndpoints
{
    public sealed record NirBody(string? Nir);

    public static RouteGroupBuilder MapLifecycleAdminEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/lifecycle", ShowAsync).WithSummary("Where a record stands in its lifecycle (dates, representations, pending codes and messages); no health data. Traced.");
        return group;
    }

    private static async Task<Ok<ShowRecordLifecycle.View>> ShowAsync(HttpContext http, NirBody body, ShowRecordLifecycle handler, CancellationToken ct)
    {
        var caller = Caller.From(http.User)!;
        return TypedResults.Ok(await handler.HandleAsync(new ShowRecordLifecycle.Request(Nir.ParseAny(body.Nir, "nir"), caller.Actor.Id), ct));
    }
}
