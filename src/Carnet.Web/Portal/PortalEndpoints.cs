using Carnet.SignIn;
using Carnet.SignIn.Sessions;
using Carnet.Web.Portal.Pages.Pro;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Localization;

namespace Carnet.Web.Portal;

/// <summary>The portal's two plain endpoints: the language switch and signing out from any page.</summary>
public static class PortalEndpoints
{
    public static IEndpointRouteBuilder MapPortalEndpoints(this IEndpointRouteBuilder app)
    {
        // The language lasts a year on this device; the page comes back in the chosen language.
        app.MapGet("/langue/{culture}", (string culture, string? retour, HttpContext http) =>
        {
            var chosen = culture == Culture.EnglishName ? Culture.EnglishName : Culture.French;
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = http.Request.IsHttps });
            return Results.LocalRedirect(IsLocal(retour) ? retour! : "/");
        }).ExcludeFromDescription();

        app.MapPost("/deconnexion", async (HttpContext http, IAntiforgery antiforgery, EndSession end) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.LocalRedirect("/");
            }

            if (Caller.From(http.User) is { SessionId: { } session } caller)
            {
                try
                {
                    await end.HandleAsync(caller, new EndSession.Request(session, SessionEnd.SignedOut), http.RequestAborted);
                }
                catch (SignInRefusedException)
                {
                    // Already ended elsewhere: signing out of this browser is all that is left.
                }
            }

            await http.SignOutAsync(SignInSchemes.Session);
            return Results.LocalRedirect("/connexion?sortie=1");
        }).ExcludeFromDescription();
        app.MapProEndpoints();
        return app;
    }

    /// <summary>This page's path and query, without the one-off culture parameters, for coming back to it.</summary>
    public static string LocalPath(HttpContext? http)
    {
        if (http is null)
        {
            return "/";
        }

        var query = http.Request.Query.Where(q => q.Key is not ("culture" or "ui-culture"))
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
        var rest = string.Join('&', query);
        return http.Request.Path + (rest.Length == 0 ? "" : "?" + rest);
    }

    /// <summary>Whether a path is the portal's (a page for people), not the API's, FHIR's, OAuth's or a health probe's.</summary>
    public static bool IsPortalPath(PathString path) =>
        !NotPortal.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] NotPortal = ["/api", "/fhir", "/oauth", "/health", "/openapi", "/.well-known"];

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
