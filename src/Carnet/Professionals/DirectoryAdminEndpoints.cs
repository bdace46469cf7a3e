using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Carnet.Professionals;

/// <summary>The operator's API for the directory: professionals, establishments and their software (the CLI's <c>register</c> commands over HTTP).</summary>
public static class DirectoryAdminEndpoints
{
    public static RouteGroupBuilder MapDirectoryAdminEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/professionals", async (RegisterProfessional.Request body, RegisterProfessional handler, CancellationToken ct) =>
                TypedResults.Created((string?)null, await handler.HandleAsync(body, ct)))
            .WithSummary("Register a professional (RPPS or ADELI, names, TRE_G15 profession, TRE_R38 specialty).");
        group.MapPost("/establishments", async (RegisterEstablishment.Request body, RegisterEstablishment handler, CancellationToken ct) =>
                TypedResults.Created((string?)null, new { id = await handler.HandleAsync(body, ct) }))
            .WithSummary("Register an establishment by FINESS.");
        group.MapPost("/clients", RegisterClientAsync)
            .WithSummary("Register an establishment's software; returns its OAuth2 client id.");
        return group;
    }

    private static async Task<Created<ClientResponse>> RegisterClientAsync(RegisterEstablishmentClient.Request body, RegisterEstablishmentClient handler, CancellationToken ct) =>
        TypedResults.Created((string?)null, new ClientResponse(await handler.HandleAsync(body, ct)));

    public sealed record ClientResponse(string ClientId);
}
