using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Carnet.SignIn;

/// <summary><c>GET /api/caller</c>: who Carnet thinks is calling. A developer's first call, whatever the door.</summary>
public static class CallerEndpoints
{
    public sealed record ProfessionalView(string IdNatPs, string Name, string Profession, string? Specialty);

    public sealed record CallerView(CallerKind Kind, string DisplayName, string? ClientId, string? Finess, ProfessionalView? ActingProfessional, string AccessMode);

    public static IEndpointRouteBuilder MapCallerEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/caller", Show)
            .WithSummary("Who Carnet thinks is calling: kind of caller, display name, client id and FINESS of establishment software, the acting professional and the access mode.");
        return routes;
    }

    private static Results<Ok<CallerView>, UnauthorizedHttpResult> Show(ClaimsPrincipal user)
    {
        if (Caller.From(user) is not { } caller)
        {
            return TypedResults.Unauthorized();
        }

        var professional = caller.Professional is { } p ? new ProfessionalView(p.IdNatPs, p.DisplayName, p.ProfessionCode, p.SpecialtyCode) : null;
        return TypedResults.Ok(new CallerView(caller.Kind, caller.DisplayName, caller.ClientId, caller.Finess, professional, AccessModes.Name(caller.Mode)));
    }
}
