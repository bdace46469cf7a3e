using System.Collections.Concurrent;
using System.Globalization;
using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Carnet.SignIn.Establishments;

/// <summary>
/// Verifies a JWT that establishment software signed with one of its registered keys: the client
/// assertion of a token request (RFC 7523 §3) and the acting-professional assertion of each call. The
/// checks run in an order that tells the developer the first thing to fix: form, algorithm, key id,
/// client, key, signature, audience, then times. Nothing of the JWT is logged.
/// </summary>
public sealed class ClientJwtVerifier(CarnetDbContext db, TimeProvider clock, IOptions<EstablishmentSignInOptions> options)
{
    /// <summary>RFC 7518 §3.1 algorithms Carnet accepts: asymmetric only, so Carnet never holds a secret able to sign for the client.</summary>
    public static readonly IReadOnlyList<string> Algorithms = [ClientPublicKey.ES256, ClientPublicKey.RS256];

    /// <summary>Longer than any honest assertion (a 8192-bit RS256 signature is 1.4 KB): refused before parsing.</summary>
    private const int MaxLength = 16 * 1024;

    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    /// <summary>What a JWT must satisfy besides its signature.</summary>
    /// <param name="What">How messages name the JWT, e.g. "The client assertion".</param>
    /// <param name="Audience">The one <c>aud</c> value accepted.</param>
    /// <param name="MaxLifetime">The longest <c>exp − iat</c> accepted.</param>
    /// <param name="WhenExpired">What to do when it has expired.</param>
    /// <param name="ExpectedClientId">The client that must have issued it (the access token's), if known.</param>
    public sealed record Rules(string What, string Audience, TimeSpan MaxLifetime, string WhenExpired, string? ExpectedClientId = null);

    /// <summary>The client that signed, as the calls see it.</summary>
    public sealed record Client(Guid Id, string ClientId, string Name, string Finess);

    public sealed record Verified(JsonWebToken Token, Client Client, DateTimeOffset ExpiresAt);

    public async Task<Verified> VerifyAsync(string jwt, Rules rules, CancellationToken ct)
    {
        var token = Read(jwt, rules.What);
        var alg = token.Alg;
        if (!Algorithms.Contains(alg, StringComparer.Ordinal))
        {
            throw Refused("alg_not_accepted", $"{rules.What} is signed with alg \"{Shown(alg)}\": Carnet accepts ES256 (EC P-256) and RS256 (RSA of 2048 bits or more) only; unsigned (none) and shared-secret (HS256…) JWTs are refused.");
        }

        var kid = token.Kid;
        if (string.IsNullOrEmpty(kid))
        {
            throw Refused("missing_kid", $"{rules.What} has no kid in its header: set kid to the id of the registered key that signs it.");
        }

        var issuer = token.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Iss, out var iss) ? iss : null;
        if (string.IsNullOrEmpty(issuer))
        {
            throw Refused("missing_iss", $"{rules.What} has no iss: set iss to your client_id.");
        }

        if (rules.ExpectedClientId is { } expected && !string.Equals(issuer, expected, StringComparison.Ordinal))
        {
            throw Refused("wrong_client", $"{rules.What} was issued by \"{Shown(issuer)}\", but the access token belongs to client {expected}: sign it with a key of the client that obtained the token, with iss set to that client_id.");
        }

        var found = await FindAsync(issuer, kid, ct)
            ?? throw Refused("unknown_client", $"No establishment software is registered with client_id \"{Shown(issuer)}\": set iss (and sub) to the client_id the operator gave you; if you have none, ask the operator to register your software.");
        var client = new Client(found.Id, found.ClientId, found.Name, found.Finess);
        if (!found.Enabled)
        {
            throw Refused("client_disabled", $"Client {client.ClientId} is disabled: the operator has suspended this software's access to Carnet. Ask the operator to enable it again.");
        }

        if (found.Key is not { } key)
        {
            throw Refused("unknown_key", $"Client {client.ClientId} has no key \"{Shown(kid)}\": set kid to one of its registered keys, or have the operator register the public key (carnet clients add-key --client-id {client.ClientId} --jwk key.json).");
        }

        if (key.RevokedAt is { } revokedAt)
        {
            throw Refused("key_revoked", $"Key \"{kid}\" of client {client.ClientId} was revoked on {revokedAt.ToString("u", CultureInfo.InvariantCulture)}: sign with another registered key, or have the operator register a new one.");
        }

        if (!string.Equals(key.Algorithm, alg, StringComparison.Ordinal))
        {
            throw Refused("alg_mismatch", $"Key \"{kid}\" signs with {key.Algorithm}, but {rules.What} says alg \"{alg}\" in its header: set alg to {key.Algorithm}.");
        }

        await CheckSignatureAsync(token, key, rules.What, client.ClientId);
        CheckAudience(token, rules);
        var expiresAt = CheckTimes(token, rules);
        return new Verified(token, client, expiresAt);
    }

    /// <summary>Whether a client exists and is enabled, for a call that brought no assertion to check.</summary>
    public async Task EnsureEnabledAsync(string clientId, CancellationToken ct)
    {
        var enabled = await db.EstablishmentClients.AsNoTracking().Where(c => c.ClientId == clientId).Select(c => (bool?)c.Enabled).SingleOrDefaultAsync(ct);
        if (enabled != true)
        {
            throw Refused("client_disabled", $"Client {clientId} is disabled: the operator has suspended this software's access to Carnet. Ask the operator to enable it again.");
        }
    }

    private static JsonWebToken Read(string jwt, string what)
    {
        JsonWebToken? token = null;
        if (jwt.Length <= MaxLength)
        {
            try
            {
                token = new JsonWebToken(jwt);
            }
            catch (ArgumentException)
            {
                // SecurityTokenMalformedException included: answered below as not a JWT.
            }
        }

        if (token is null || token.IsEncrypted)
        {
            throw Refused("malformed", $"{what} is not a signed JWT: expected header.payload.signature, three base64url parts of JSON separated by dots (RFC 7519 §3, RFC 7515 compact form).");
        }

        return token;
    }

    /// <summary>
    /// One round trip: the client, its establishment and the key the header names (if the client has it). Read on
    /// every call, never cached, so a disabled client or a revoked key is refused at once; compiled, because it runs
    /// on every call of every establishment (docs/performance.md).
    /// </summary>
    private static readonly CompiledQuery<Func<CarnetDbContext, string, string, CancellationToken, Task<FoundRow?>>> FindClient = new(() =>
        EF.CompileAsyncQuery((CarnetDbContext db, string clientId, string kid, CancellationToken ct) =>
            (from client in db.EstablishmentClients.AsNoTracking()
             join establishment in db.Establishments on client.EstablishmentId equals establishment.Id
             join key in db.ClientKeys.Where(k => k.Kid == kid) on client.Id equals key.EstablishmentClientId into keys
             from key in keys.DefaultIfEmpty()
             where client.ClientId == clientId
             select new FoundRow(client.Id, client.ClientId, client.Name, establishment.Finess.Value, client.Enabled, key))
            .FirstOrDefault()));

    /// <summary>Parsed public keys, by their JWK text: parsing and importing a key costs more than verifying with it.</summary>
    private static readonly ConcurrentDictionary<string, JsonWebKey> ParsedKeys = new(StringComparer.Ordinal);

    private async Task<Found?> FindAsync(string clientId, string kid, CancellationToken ct)
    {
        var found = await FindClient.For(db)(db, clientId, kid, ct);
        return found is null
            ? null
            : new Found(found.Id, found.ClientId, found.Name, found.Finess, found.Enabled, found.Key is { } k ? new FoundKey(k.Algorithm, k.PublicJwk, k.RevokedAt) : null);
    }

    private static JsonWebKey SigningKey(string publicJwk)
    {
        if (ParsedKeys.Count > 10_000)
        {
            // Keys are a few per client; a map this large means churn, not a working set.
            ParsedKeys.Clear();
        }

        return ParsedKeys.GetOrAdd(publicJwk, jwk => new JsonWebKey(jwk));
    }

    private static async Task CheckSignatureAsync(JsonWebToken token, FoundKey key, string what, string clientId)
    {
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKey = SigningKey(key.PublicJwk),
            ValidAlgorithms = [key.Algorithm],
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = false,

            // Checked by Carnet with its own clock and messages (CheckAudience, CheckTimes).
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            ValidateTokenReplay = false,
        };
        var result = await Handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            var hint = key.Algorithm == ClientPublicKey.ES256
                ? " ES256 signatures are the 64 bytes r‖s (RFC 7518 §3.4), not DER."
                : string.Empty;
            throw Refused("bad_signature", $"The signature of {Lower(what)} does not verify with key \"{token.Kid}\" of client {clientId}: sign base64url(header).base64url(payload) with the private key of that kid.{hint}");
        }
    }

    private static void CheckAudience(JsonWebToken token, Rules rules)
    {
        // RFC 7519 §4.1.3: aud is a string or an array; one value must be Carnet's, exactly.
        var audiences = token.Audiences.ToList();
        if (!audiences.Contains(rules.Audience, StringComparer.Ordinal))
        {
            var given = audiences.Count == 0 ? "no aud" : "aud " + string.Join(", ", audiences.Select(a => $"\"{Shown(a)}\""));
            throw Refused("wrong_audience", $"{rules.What} has {given}: set aud to \"{rules.Audience}\".");
        }
    }

    private DateTimeOffset CheckTimes(JsonWebToken token, Rules rules)
    {
        if (!token.TryGetClaim(JwtRegisteredClaimNames.Exp, out _))
        {
            throw Refused("missing_exp", $"{rules.What} has no exp: set exp (seconds since 1970-01-01 UTC) at most {Seconds(rules.MaxLifetime)} s after iat.");
        }

        if (!token.TryGetClaim(JwtRegisteredClaimNames.Iat, out _))
        {
            throw Refused("missing_iat", $"{rules.What} has no iat: set iat to the time you create it (seconds since 1970-01-01 UTC).");
        }

        var expiresAt = new DateTimeOffset(token.ValidTo, TimeSpan.Zero);
        var issuedAt = new DateTimeOffset(token.IssuedAt, TimeSpan.Zero);
        var lifetime = expiresAt - issuedAt;
        if (lifetime > rules.MaxLifetime)
        {
            throw Refused("lifetime_too_long", $"{rules.What} lives {Seconds(lifetime)} s (exp − iat): Carnet accepts at most {Seconds(rules.MaxLifetime)} s. Set exp at most {Seconds(rules.MaxLifetime)} s after iat.");
        }

        var now = clock.GetUtcNow();
        var skew = options.Value.ClockSkew;
        if (expiresAt + skew <= now)
        {
            throw Refused("expired", $"{rules.What} expired at {Time(expiresAt)} (Carnet's clock reads {Time(now)}): {rules.WhenExpired} If your clock is wrong, set it by NTP.");
        }

        if (issuedAt > now + skew)
        {
            throw Refused("issued_in_the_future", $"{rules.What} was issued at {Time(issuedAt)}, later than Carnet's clock ({Time(now)}): set iat to the time you create it, and check the software's clock (NTP).");
        }

        if (token.TryGetClaim(JwtRegisteredClaimNames.Nbf, out _) && new DateTimeOffset(token.ValidFrom, TimeSpan.Zero) > now + skew)
        {
            throw Refused("not_yet_valid", $"{rules.What} is not valid before {Time(new DateTimeOffset(token.ValidFrom, TimeSpan.Zero))} (nbf; Carnet's clock reads {Time(now)}): leave nbf out or set it to iat.");
        }

        return expiresAt;
    }

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan span) => ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    private static string Lower(string what) => string.Concat(what[..1].ToLowerInvariant(), what[1..]);

    /// <summary>Quotes a value from the caller's JWT back to it, cut short: never a whole token in a message.</summary>
    private static string Shown(string? value) => value is null ? "" : value.Length > 80 ? value[..80] + "…" : value;

    private static ClientJwtRefusedException Refused(string reason, string message) => new(reason, message);

    private sealed record Found(Guid Id, string ClientId, string Name, string Finess, bool Enabled, FoundKey? Key);

    private sealed record FoundKey(string Algorithm, string PublicJwk, DateTimeOffset? RevokedAt);

    private sealed record FoundRow(Guid Id, string ClientId, string Name, string Finess, bool Enabled, ClientKey? Key);
}
