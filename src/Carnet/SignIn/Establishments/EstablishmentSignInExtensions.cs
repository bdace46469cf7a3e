using Carnet.Jobs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Carnet.SignIn.Establishments;

/// <summary>Establishment software sign-in's surface: <c>AddEstablishmentBearer()</c> here, <c>MapEstablishmentTokenEndpoints()</c> for HTTP.</summary>
public static class EstablishmentSignInExtensions
{
    /// <summary>
    /// Registers the <see cref="SignInSchemes.EstablishmentBearer"/> scheme (JwtBearer, verifying Carnet's own
    /// access tokens against its keys in the database) and the use cases of keys and tokens.
    /// </summary>
    /// <param name="authentication">The builder of <c>AddSignIn</c>, where the other schemes are.</param>
    /// <param name="signIn">The <c>Carnet:SignIn</c> section: <c>Issuer</c>, and <c>Establishments</c> for lifetimes.</param>
    public static AuthenticationBuilder AddEstablishmentBearer(this AuthenticationBuilder authentication, IConfiguration signIn)
    {
        var services = authentication.Services;
        services.AddOptions<EstablishmentSignInOptions>()
            .Bind(signIn.GetSection("Establishments"))
            .Configure(o =>
            {
                if (signIn[nameof(EstablishmentSignInOptions.Issuer)] is { Length: > 0 } issuer)
                {
                    o.Issuer = issuer;
                }
            })
            .Validate(o => Uri.TryCreate(o.Issuer, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http", "Carnet:SignIn:Issuer must be Carnet's public address, for example https://carnet.example.org.");

        services.AddSingleton<TokenSigningKeys>();
        services.AddScoped<RotateTokenSigningKey>();
        services.AddScoped<ClientJwtVerifier>();
        services.AddScoped<IssueEstablishmentToken>();
        services.AddScoped<CheckActingProfessional>();
        services.AddScoped<RegisterClientKey>();
        services.AddScoped<RevokeClientKey>();
        services.AddScoped<ListClientKeys>();
        services.AddScoped<EstablishmentBearerEvents>();
        services.AddScheduledJob<PurgeUsedClientAssertions>(PurgeUsedClientAssertions.JobName, TimeSpan.FromMinutes(15));

        authentication.AddJwtBearer(SignInSchemes.EstablishmentBearer, o =>
        {
            o.EventsType = typeof(EstablishmentBearerEvents);
            o.MapInboundClaims = false;
            o.RefreshOnIssuerKeyNotFound = true;
        });
        services.AddOptions<JwtBearerOptions>(SignInSchemes.EstablishmentBearer)
            .Configure<TokenSigningKeys, TimeProvider, IOptions<EstablishmentSignInOptions>>((o, keys, clock, settings) =>
            {
                var s = settings.Value;

                // The keys come from the database (TokenSigningKeys), not from a metadata address.
                o.ConfigurationManager = keys;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = s.TokenIssuer,
                    ValidAudience = s.ApiAudience,
                    ValidTypes = [IssueEstablishmentToken.AccessTokenType],
                    ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    NameClaimType = CarnetClaims.Name,

                    // IdentityModel reads the system clock; Carnet's time is the injected TimeProvider.
                    LifetimeValidator = (notBefore, expires, _, _) => WithinLifetime(clock, s.ClockSkew, notBefore, expires),
                };
            });
        return authentication;
    }

    private static bool WithinLifetime(TimeProvider clock, TimeSpan skew, DateTime? notBefore, DateTime? expires)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (expires is not { } expiresAt)
        {
            throw new SecurityTokenNoExpirationException("The access token has no exp.");
        }

        if (notBefore is { } from && from > now + skew)
        {
            throw new SecurityTokenNotYetValidException("The access token is not valid yet.") { NotBefore = from };
        }

        if (expiresAt + skew <= now)
        {
            throw new SecurityTokenExpiredException("The access token has expired.") { Expires = expiresAt };
        }

        return true;
    }
}
