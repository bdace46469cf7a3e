using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Carnet.SignIn.Establishments;

/// <summary>
/// <c>POST /oauth/token</c>: establishment software authenticates with a JWT signed by one of its keys
/// (RFC 7523 §2.2, <c>private_key_jwt</c>) in a client credentials grant (RFC 6749 §4.4) and receives a
/// short-lived access token signed by Carnet. Each assertion serves once: its jti is recorded until it expires.
/// </summary>
public sealed partial class IssueEstablishmentToken(
    CarnetDbContext db,
    ClientJwtVerifier verifier,
    TokenSigningKeys keys,
    TimeProvider clock,
    IOptions<EstablishmentSignInOptions> options,
    ILogger<IssueEstablishmentToken> logger)
{
    public const string ClientCredentials = "client_credentials";
    public const string JwtBearerAssertion = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// <summary>RFC 9068 §2.1: the typ of a JWT access token, so it cannot be mistaken for another JWT.</summary>
    public const string AccessTokenType = "at+jwt";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public sealed record Request(string? GrantType, string? ClientAssertionType, string? ClientAssertion, string? ClientId);

    public sealed record Result(string AccessToken, int ExpiresIn, string ClientId);

    public async Task<Result> HandleAsync(Request request, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.GrantType))
        {
            throw Refused(TokenRequestRefusedException.InvalidRequest, "missing_grant_type", "grant_type is missing: send grant_type=client_credentials (RFC 6749 §4.4.2).");
        }

        if (request.GrantType != ClientCredentials)
        {
            throw Refused(TokenRequestRefusedException.UnsupportedGrantType, "unsupported_grant_type", "Establishment software uses grant_type=client_credentials (RFC 6749 §4.4); no other grant is offered at this endpoint.");
        }

        if (string.IsNullOrEmpty(request.ClientAssertionType) || string.IsNullOrEmpty(request.ClientAssertion))
        {
            throw Refused(TokenRequestRefusedException.InvalidRequest, "missing_client_assertion", $"client_assertion_type and client_assertion are required: authenticate with a signed JWT (private_key_jwt, RFC 7523 §2.2), client_assertion_type={JwtBearerAssertion}.");
        }

        if (request.ClientAssertionType != JwtBearerAssertion)
        {
            throw Refused(TokenRequestRefusedException.InvalidClient, "unsupported_assertion_type", $"client_assertion_type must be {JwtBearerAssertion}: Carnet authenticates software by JWTs signed with its registered keys only.");
        }

        var settings = options.Value;
        ClientJwtVerifier.Verified verified;
        try
        {
            verified = await verifier.VerifyAsync(
                request.ClientAssertion,
                new ClientJwtVerifier.Rules("The client assertion", settings.TokenEndpoint, settings.MaxClientAssertionLifetime, "make a new assertion for each token request."),
                ct);
        }
        catch (ClientJwtRefusedException e)
        {
            LogRefused(logger, e.Reason);
            throw Refused(TokenRequestRefusedException.InvalidClient, e.Reason, e.Message);
        }

        var clientId = verified.Client.ClientId;
        var token = verified.Token;
        if (!string.Equals(token.Subject, clientId, StringComparison.Ordinal))
        {
            throw Refused(TokenRequestRefusedException.InvalidClient, "wrong_subject", "The client assertion's sub must be your client_id, the same as iss (RFC 7523 §3, items 1 and 2).");
        }

        if (!string.IsNullOrEmpty(request.ClientId) && request.ClientId != clientId)
        {
            throw Refused(TokenRequestRefusedException.InvalidClient, "client_id_mismatch", $"client_id differs from the assertion's iss ({clientId}): send the same client_id, or leave client_id out.");
        }

        await RecordSingleUseAsync(clientId, token.Id, verified.ExpiresAt + settings.ClockSkew, ct);

        var credentials = await keys.CurrentAsync(ct);
        var now = clock.GetUtcNow();
        var accessToken = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.TokenIssuer,
            Audience = settings.ApiAudience,
            TokenType = AccessTokenType,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + settings.AccessTokenLifetime).UtcDateTime,
            SigningCredentials = credentials,
            Claims = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                [JwtRegisteredClaimNames.Sub] = clientId,
                [CarnetClaims.ClientId] = clientId,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            },
        });
        LogIssued(logger, clientId, token.Kid);
        return new Result(accessToken, (int)settings.AccessTokenLifetime.TotalSeconds, clientId);
    }

    /// <summary>RFC 7523 §3 item 7: a jti is accepted once. The key (client, jti) settles a race between nodes.</summary>
    private async Task RecordSingleUseAsync(string clientId, string? jti, DateTimeOffset keepUntil, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(jti))
        {
            throw Refused(TokenRequestRefusedException.InvalidClient, "missing_jti", "The client assertion has no jti: give each assertion a unique jti (a random UUID, for example); Carnet accepts each jti once.");
        }

        if (jti.Length > UsedClientAssertionConfiguration.MaxJtiLength)
        {
            throw Refused(TokenRequestRefusedException.InvalidClient, "jti_too_long", $"The client assertion's jti is longer than {UsedClientAssertionConfiguration.MaxJtiLength} characters: use a random UUID.");
        }

        var replayed = Refused(TokenRequestRefusedException.InvalidClient, "replayed", "Assertion replayed: this jti was already used. Make a new client assertion, with a new jti, for each token request (RFC 7523 §3).");
        if (await db.UsedClientAssertions.AnyAsync(a => a.ClientId == clientId && a.Jti == jti, ct))
        {
            LogRefused(logger, replayed.Reason);
            throw replayed;
        }

        db.UsedClientAssertions.Add(UsedClientAssertion.Of(clientId, jti, keepUntil));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (await db.UsedClientAssertions.AsNoTracking().AnyAsync(a => a.ClientId == clientId && a.Jti == jti, ct))
            {
                LogRefused(logger, replayed.Reason);
                throw replayed;
            }

            throw;
        }
    }

    private static TokenRequestRefusedException Refused(string error, string reason, string message) => new(error, reason, message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued an access token to establishment client {ClientId} (key {Kid})")]
    private static partial void LogIssued(ILogger logger, string clientId, string kid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a token request: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
