using System.ComponentModel;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace Carnet.SignIn.Establishments;

/// <summary>HTTP for establishment software sign-in: the token endpoint and Carnet's public keys.</summary>
public static class EstablishmentTokenEndpoints
{
    private const string FormContentType = "application/x-www-form-urlencoded";

    /// <summary>RFC 6749 §5.1.</summary>
    public sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("token_type")] string TokenType,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    /// <summary>RFC 6749 §5.2.</summary>
    public sealed record ErrorResponse(
        [property: JsonPropertyName("error")] string Error,
        [property: JsonPropertyName("error_description")] string ErrorDescription);

    /// <summary>The form fields of a token request, for the OpenAPI document (the endpoint reads the form itself).</summary>
    public sealed record TokenForm(
        [property: JsonPropertyName("grant_type"), Description("Always client_credentials (RFC 6749 §4.4.2).")] string GrantType,
        [property: JsonPropertyName("client_assertion_type"), Description("Always urn:ietf:params:oauth:client-assertion-type:jwt-bearer (RFC 7523 §2.2).")] string ClientAssertionType,
        [property: JsonPropertyName("client_assertion"), Description("A JWT signed with one of the client's registered keys (ES256 or RS256): iss = sub = client_id, aud = the token endpoint's address, exp at most 5 minutes after iat, a unique jti.")] string ClientAssertion,
        [property: JsonPropertyName("client_id"), Description("Optional; if given, the same as the assertion's iss.")] string? ClientId);

    public static RouteGroupBuilder MapEstablishmentTokenEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/token", IssueAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(SignInServiceCollectionExtensions.SignInRateLimit)
            .WithSummary("Establishment software: exchange a signed client assertion for an access token (OAuth 2.0 client credentials with private_key_jwt, RFC 6749 §4.4 and RFC 7523).")
            .WithDescription("Form fields grant_type, client_assertion_type, client_assertion and optionally client_id. Returns a Bearer access token signed by Carnet, valid a few minutes. Errors follow RFC 6749 §5.2: 401 invalid_client says which check failed (unknown client or key, bad signature, expired or replayed assertion, wrong audience, client disabled, key revoked…); 400 invalid_request or unsupported_grant_type for a malformed request. See docs/api/authentication.md.")
            .AddOpenApiOperationTransformer(async (operation, context, ct) =>
            {
                var schema = await context.GetOrCreateSchemaAsync(typeof(TokenForm), null, ct);
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { [FormContentType] = new OpenApiMediaType { Schema = schema } },
                };
            });
        group.MapGet("/jwks", JwksAsync)
            .AllowAnonymous()
            .WithSummary("Carnet's public keys that sign its access tokens (JWK set, RFC 7517 §5).");
        return group;
    }

    private static async Task<Results<Ok<TokenResponse>, JsonHttpResult<ErrorResponse>>> IssueAsync(HttpRequest http, IssueEstablishmentToken handler, CancellationToken ct)
    {
        // RFC 6749 §5.1: token responses, and their errors, are never cached.
        http.HttpContext.Response.Headers.CacheControl = "no-store";
        http.HttpContext.Response.Headers.Pragma = "no-cache";
        if (http.ContentType?.StartsWith(FormContentType, StringComparison.OrdinalIgnoreCase) != true)
        {
            return Error(TokenRequestRefusedException.InvalidRequest, $"Send the token request as {FormContentType} (RFC 6749 §4.4.2), with grant_type, client_assertion_type and client_assertion.");
        }

        IFormCollection form;
        try
        {
            form = await http.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return Error(TokenRequestRefusedException.InvalidRequest, $"The body is not a readable {FormContentType} form: encode each field as name=value joined by &.");
        }

        // RFC 6749 §3.2: parameters must not be repeated.
        if (form.Keys.FirstOrDefault(k => form[k].Count > 1) is { } repeated)
        {
            return Error(TokenRequestRefusedException.InvalidRequest, $"{repeated} is sent more than once: send each parameter once (RFC 6749 §3.2).");
        }

        try
        {
            var result = await handler.HandleAsync(
                new IssueEstablishmentToken.Request(form["grant_type"].FirstOrDefault(), form["client_assertion_type"].FirstOrDefault(), form["client_assertion"].FirstOrDefault(), form["client_id"].FirstOrDefault()),
                ct);
            return TypedResults.Ok(new TokenResponse(result.AccessToken, "Bearer", result.ExpiresIn));
        }
        catch (TokenRequestRefusedException e)
        {
            return Error(e.Error, e.Message);
        }
    }

    private static async Task<ContentHttpResult> JwksAsync(TokenSigningKeys keys, CancellationToken ct)
    {
        var set = new JsonArray();
        foreach (var key in await keys.PublishedAsync(ct))
        {
            set.Add(JsonNode.Parse(key.PublicJwk));
        }

        return TypedResults.Content(new JsonObject { ["keys"] = set }.ToJsonString(), "application/jwk-set+json");
    }

    private static JsonHttpResult<ErrorResponse> Error(string error, string description) => TypedResults.Json(
        new ErrorResponse(error, description),
        statusCode: error == TokenRequestRefusedException.InvalidClient ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest);
}
