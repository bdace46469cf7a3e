using Microsoft.AspNetCore.Authorization;

namespace Carnet.SignIn;

/// <summary>
/// Passes holders, professionals and establishment software acting for a named professional; never the
/// operator. Which record and document each may see is the access gate's decision, per request.
/// </summary>
public sealed class HealthDataRequirement : AuthorizationHandler<HealthDataRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, HealthDataRequirement requirement)
    {
        var caller = Caller.From(context.User);
        var allowed = caller?.Kind switch
        {
            CallerKind.Holder => caller.HolderRecordId is not null,
            CallerKind.Professional => caller.Professional is not null,
            CallerKind.Establishment => caller.Professional is not null,
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
