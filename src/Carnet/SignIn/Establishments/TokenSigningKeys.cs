using System.Security.Cryptography;
using Carnet.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Carnet.SignIn.Establishments;

/// <summary>
/// Carnet's token signing keys as this node sees them: read from the database, kept for at most
/// <see cref="EstablishmentSignInOptions.SigningKeyPublicationDelay"/>, the first one created on first
/// use. It is also the JwtBearer configuration manager, so access tokens are verified against exactly
/// the keys published at <c>GET /oauth/jwks</c>; an unknown kid makes it reload (rate-limited).
/// </summary>
public sealed partial class TokenSigningKeys(
    IServiceScopeFactory scopes,
    IDataProtectionProvider protection,
    TimeProvider clock,
    IOptions<EstablishmentSignInOptions> options,
    ILogger<TokenSigningKeys> logger) : IConfigurationManager<OpenIdConnectConfiguration>, IDisposable
{
    public const string ProtectorPurpose = "Carnet.SignIn.Establishments.TokenSigningKeys.v1";

    /// <summary>A token with an unknown kid asks for a reload; at most one such reload per interval.</summary>
    private static readonly TimeSpan MinRefreshInterval = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IDataProtector _protector = protection.CreateProtector(ProtectorPurpose);
    private volatile Snapshot? _snapshot;
    private volatile bool _refreshRequested;

    public IDataProtector Protector => _protector;

    /// <summary>The credentials new access tokens are signed with: the newest key whose time to sign has come.</summary>
    public async Task<SigningCredentials> CurrentAsync(CancellationToken ct)
    {
        var snapshot = await SnapshotAsync(ct);
        var now = clock.GetUtcNow();
        var current = snapshot.Keys.LastOrDefault(k => k.Key.SignsFrom <= now) ?? snapshot.Keys[0];
        return current.Credentials.Value;
    }

    /// <summary>The public keys that verify tokens now: those not yet signing, the one signing, and retired ones whose tokens may still be alive.</summary>
    public async Task<IReadOnlyList<TokenSigningKey>> PublishedAsync(CancellationToken ct)
    {
        var snapshot = await SnapshotAsync(ct);
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var alive = settings.AccessTokenLifetime + settings.ClockSkew;
        return [.. snapshot.Keys.Where((k, i) => i + 1 == snapshot.Keys.Count || now < snapshot.Keys[i + 1].Key.SignsFrom + alive).Select(k => k.Key)];
    }

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = options.Value.TokenIssuer, JwksUri = options.Value.JwksUri };
        foreach (var key in await PublishedAsync(cancel))
        {
            configuration.SigningKeys.Add(new JsonWebKey(key.PublicJwk));
        }

        return configuration;
    }

    /// <summary>Called by JwtBearer when a token names a kid this node does not know (a key created on another node).</summary>
    public void RequestRefresh() => _refreshRequested = true;

    /// <summary>Forgets the keys at once: this node has just rotated them.</summary>
    public void Invalidate() => _snapshot = null;

    private async Task<Snapshot> SnapshotAsync(CancellationToken ct)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && Fresh(snapshot))
        {
            return snapshot;
        }

        await _gate.WaitAsync(ct);
        try
        {
            snapshot = _snapshot;
            if (snapshot is not null && Fresh(snapshot))
            {
                return snapshot;
            }

            _refreshRequested = false;
            snapshot = await LoadAsync(ct);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool Fresh(Snapshot snapshot)
    {
        var age = clock.GetUtcNow() - snapshot.LoadedAt;
        return age >= TimeSpan.Zero
            && age < options.Value.SigningKeyPublicationDelay
            && !(_refreshRequested && age >= MinRefreshInterval);
    }

    private async Task<Snapshot> LoadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CarnetDbContext>();
        var keys = await db.TokenSigningKeys.AsNoTracking().OrderBy(k => k.Generation).ToListAsync(ct);
        if (keys.Count == 0)
        {
            await CreateFirstKeyAsync(scope.ServiceProvider, ct);
            keys = await db.TokenSigningKeys.AsNoTracking().OrderBy(k => k.Generation).ToListAsync(ct);
        }

        return new Snapshot(clock.GetUtcNow(), [.. keys.Select(k => new LoadedKey(k, new Lazy<SigningCredentials>(() => Open(k))))]);
    }

    private async Task CreateFirstKeyAsync(IServiceProvider services, CancellationToken ct)
    {
        try
        {
            await services.GetRequiredService<RotateTokenSigningKey>().HandleAsync(new RotateTokenSigningKey.Request(Immediately: true), ct);
            LogFirstKey(logger);
        }
        catch (DbUpdateException)
        {
            // Another node created generation 1 at the same moment: its key is the one to use.
        }
    }

    private SigningCredentials Open(TokenSigningKey key)
    {
        try
        {
            return new SigningCredentials(new ECDsaSecurityKey(key.OpenPrivateKey(_protector)) { KeyId = key.Kid }, SecurityAlgorithms.EcdsaSha256);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"Carnet cannot decrypt its token signing key {key.Kid}: this node's Data Protection key ring is not the one that protected it. "
                + "Give every node the same key ring, or run `carnet signing-keys rotate --immediately` to make a new signing key (tokens signed with the old one are then refused).",
                e);
        }
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Created Carnet's first token signing key")]
    private static partial void LogFirstKey(ILogger logger);

    private sealed record LoadedKey(TokenSigningKey Key, Lazy<SigningCredentials> Credentials);

    private sealed record Snapshot(DateTimeOffset LoadedAt, IReadOnlyList<LoadedKey> Keys);
}
