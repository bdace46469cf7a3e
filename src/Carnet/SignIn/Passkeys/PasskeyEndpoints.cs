using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Carnet.SignIn.Passkeys;

/// <summary>HTTP for passkeys: the browser's WebAuthn calls in between, with the options and answers passed as JSON.</summary>
public static class PasskeyEndpoints
{
    public sealed record CeremonyAnswer(string? CeremonyToken, JsonElement Credential, string? Name);

    /// <summary>Under the signed-in person's account: list, register, remove.</summary>
    public static RouteGroupBuilder MapPasskeyEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/", async (HttpContext http, PasskeyCeremonies ceremonies, CancellationToken ct) =>
                TypedResults.Ok(await ceremonies.ListAsync(Caller.From(http.User)!, ct)))
            .WithSummary("The account's passkeys.");
        group.MapPost("/options", async (HttpContext http, PasskeyCeremonies ceremonies, CancellationToken ct) =>
                TypedResults.Ok(await ceremonies.StartRegistrationAsync(Caller.From(http.User)!, http, ct)))
            .WithSummary("Register a passkey, step 1: options for navigator.credentials.create().");
        group.MapPost("/", RegisterAsync)
            .WithSummary("Register a passkey, step 2: the JSON of the credential the browser created.");
        group.MapDelete("/{credentialId}", async (HttpContext http, string credentialId, PasskeyCeremonies ceremonies, CancellationToken ct) =>
            {
                await ceremonies.RemoveAsync(Caller.From(http.User)!, credentialId, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Remove a passkey: it no longer signs in.");
        return group;
    }

    /// <summary>Under the anonymous sign-in group.</summary>
    public static RouteGroupBuilder MapPasskeySignInEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/passkey/options", async (HttpContext http, PasskeyCeremonies ceremonies, CancellationToken ct) =>
                TypedResults.Ok(await ceremonies.StartSignInAsync(http, ct)))
            .WithSummary("Sign in with a passkey, step 1: options for navigator.credentials.get().");
        group.MapPost("/passkey", SignInAsync)
            .WithSummary("Sign in with a passkey, step 2: the JSON of the assertion the browser made. Opens a session (cookie); no code is needed.");
        return group;
    }

    private static async Task<Created<PasskeyCeremonies.PasskeyItem>> RegisterAsync(HttpContext http, CeremonyAnswer body, PasskeyCeremonies ceremonies, CancellationToken ct) =>
        TypedResults.Created((string?)null, await ceremonies.CompleteRegistrationAsync(Caller.From(http.User)!, body.CeremonyToken, Raw(body.Credential), body.Name, http, ct));

    private static async Task<Ok<People.PeopleEndpoints.SignedInResponse>> SignInAsync(HttpContext http, CeremonyAnswer body, PasskeyCeremonies ceremonies, CancellationToken ct)
    {
        var session = await ceremonies.CompleteSignInAsync(body.CeremonyToken, Raw(body.Credential), http, ct);
        await http.SignInAsync(SignInSchemes.Session, session.Principal);
        return TypedResults.Ok(new People.PeopleEndpoints.SignedInResponse(session.Kind, session.DisplayName, session.SessionId, session.ExpiresAt));
    }

    private static string Raw(JsonElement credential) => credential.ValueKind == JsonValueKind.String ? credential.GetString()! : credential.GetRawText();
}
