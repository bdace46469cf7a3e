using Carnet.Accounts;
using Carnet.Documents.Encryption;
using Carnet.Jobs;
using Carnet.SignIn.Challenges;
using Carnet.SignIn.Establishments;
using Carnet.SignIn.KeyRing;
using Carnet.SignIn.Passkeys;
using Carnet.SignIn.People;
using Carnet.SignIn.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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

        // One key ring for every node, in the database, each key sealed under the master key (KeyRing/).
        services.AddDataProtection().SetApplicationName("Carnet");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            o.XmlRepository = new DatabaseKeyRing(sp.GetRequiredService<IServiceScopeFactory>());
            o.XmlEncryptor = new MasterKeyXmlEncryptor(sp.GetRequiredService<MasterKeyRing>());
        }));

        services.AddAuthentication(SignInSchemes.Default)
            .AddPolicyScheme(SignInSchemes.Default, "Session or establishment token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.FirstOrDefault()?.TrimStart().StartsWith("Bearer", StringComparison.OrdinalIgnoreCase) == true
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
        services.AddScoped<StartSession>();
        services.AddScoped<ListSessions>();
        services.AddScoped<EndSession>();
        services.AddScoped<SignInChallenges>();
        services.AddScoped<AccountLockout>();
        services.AddScoped<AuthenticatorKeys>();
        services.AddScoped<StartSignIn>();
        services.AddScoped<ConfirmSignIn>();
        services.AddScoped<ResendSignInCode>();
        services.AddScoped<NewPassword>();
        services.AddScoped<ChangePassword>();
        services.AddScoped<RequestPasswordReset>();
        services.AddScoped<ResetPassword>();
        services.AddScoped<IssueStaffAccount>();
        services.AddScoped<PasskeyCeremonies>();
        services.AddScheduledJob<PurgeEndedSessions>(PurgeEndedSessions.JobName, TimeSpan.FromHours(6));
        services.TryAddScoped<IPasskeyHandler<Account>, PasskeyHandler<Account>>();

        // A passkey signs in alone, so the device must check it is the person (fingerprint, face, PIN).
        services.Configure<IdentityPasskeyOptions>(o =>
        {
            o.UserVerificationRequirement = "required";

            // The page that ran the ceremony must be Carnet itself, as the request reached it (behind a proxy,
            // forward the original scheme and host); no cross-origin frames.
            o.ValidateOrigin = context => ValueTask.FromResult(!context.CrossOrigin && string.Equals(
                context.Origin, $"{context.HttpContext.Request.Scheme}://{context.HttpContext.Request.Host}", StringComparison.OrdinalIgnoreCase));
        });

        services.AddAuthorization(SignInPolicies.Add);
        services.AddSingleton<IAuthorizationHandler, HealthDataRequirement>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, HealthDataRefusals>();

        services.AddRateLimiter(limiter => limiter.AddPolicy(SignInRateLimit, http => Http.AttemptLimits.PerAddress(http, options.RequestsPerMinute)));
        return services;
    }
}
