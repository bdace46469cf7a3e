using System.Threading.RateLimiting;
using Carnet.SignIn.Establishments;
using Carnet.SignIn.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.SignIn;

/// <summary>Every door into Carnet: <c>AddSignIn()</c> here, the endpoints in each sub-folder.</summary>
public static class SignInServiceCollectionExtensions
{
    /// <summary>The rate-limiting policy of sign-in, code and password-reset endpoints.</summary>
    public const string SignInRateLimit = "sign-in";

    public static IServiceCollection AddSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SignInOptions>(configuration);
        var options = configuration.Get<SignInOptions>() ?? new SignInOptions();

        services.AddAuthentication(SignInSchemes.Default)
            .AddPolicyScheme(SignInSchemes.Default, "Session or establishment token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.FirstOrDefault()?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true
                    ? SignInSchemes.EstablishmentBearer
                    : SignInSchemes.Session)
            .AddCookie(SignInSchemes.Session, o =>
            {
                o.Cookie.Name = "carnet.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = options.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.Cookie.IsEssential = true;

                // The stored session decides when it ends (SessionCookieEvents); the cookie only names it.
                o.ExpireTimeSpan = options.SessionLifetime;
                o.SlidingExpiration = false;
                o.LoginPath = "/connexion";
                o.AccessDeniedPath = "/connexion";
                o.EventsType = typeof(SessionCookieEvents);
            })
            .AddEstablishmentBearer(configuration);
        services.AddScoped<SessionCookieEvents>();

        services.AddAuthorization(SignInPolicies.Add);
        services.AddSingleton<IAuthorizationHandler, HealthDataRequirement>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, HealthDataRefusals>();

        services.AddRateLimiter(limiter => limiter.AddPolicy(SignInRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return services;
    }
}
