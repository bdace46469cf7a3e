using Carnet.Http;
using Carnet.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carnet.SignIn.Sessions;

/// <summary>
/// Checks on every request that the session the cookie names is still open: a session revoked from
/// another device, ended by a password change or past its idle or absolute limit is refused at once.
/// API callers get a 401 problem instead of the portal's redirect to the sign-in page.
/// </summary>
public sealed class SessionCookieEvents(CarnetDbContext db, TimeProvider clock, IOptions<SignInOptions> options) : CookieAuthenticationEvents
{
    /// <summary>LastSeenAt is written at most this often: a page with ten requests costs one write.</summary>
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var ct = context.HttpContext.RequestAborted;
        var caller = Caller.From(context.Principal);
        var session = caller?.SessionId is { } id
            ? await db.Set<AccountSession>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct)
            : null;
        var now = clock.GetUtcNow();
        if (session is null || session.AccountId != caller!.AccountId || !session.IsActive(now, options.Value.SessionIdleTimeout))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SignInSchemes.Session);
            return;
        }

        if (now - session.LastSeenAt >= TouchInterval)
        {
            await db.Set<AccountSession>().Where(s => s.Id == session.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), ct);
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (IsApi(context.Request))
        {
            return ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "sign_in_required", "Sign in first: this needs a signed-in session (POST /api/sign-in).");
        }

        return base.RedirectToLogin(context);
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (IsApi(context.Request))
        {
            return ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "forbidden", "Your account cannot do this.");
        }

        return base.RedirectToAccessDenied(context);
    }

    internal static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
        || request.Path.StartsWithSegments("/fhir", StringComparison.Ordinal)
        || request.Path.StartsWithSegments("/oauth", StringComparison.Ordinal);
}
