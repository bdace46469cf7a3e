using Carnet.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Carnet.SignIn;

/// <summary>
/// A signed-in caller refused by the <see cref="SignInPolicies.HealthData"/> policy gets exactly the
/// answer of a record that does not exist (DOMAIN.md §5: refusals look like "not found").
/// </summary>
public sealed class HealthDataRefusals : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && policy.Requirements.OfType<HealthDataRequirement>().Any())
        {
            return ApiProblems.WriteAsync(context, StatusCodes.Status404NotFound, "not_found", NotFound);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>The detail of every "not found" on health data, whether absent or refused.</summary>
    public const string NotFound = "Nothing was found here. Check the identifier; if you should have access, ask the holder.";
}
