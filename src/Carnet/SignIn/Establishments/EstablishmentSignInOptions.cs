namespace Carnet.SignIn.Establishments;

/// <summary>
/// Establishment software sign-in: <c>Carnet:SignIn:Issuer</c> (Carnet's public address, which names the
/// token endpoint and the API in the audiences) and the lifetimes of <c>Carnet:SignIn:Establishments</c>.
/// </summary>
public sealed class EstablishmentSignInOptions
{
    /// <summary>Carnet's public address as clients reach it, without a trailing slash: the <c>iss</c> of its tokens.</summary>
    public string Issuer { get; set; } = "http://127.0.0.1:5080";

    /// <summary>How long an access token from <c>POST /oauth/token</c> is valid.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest a client assertion may live (<c>exp</c> − <c>iat</c>): it is single use, so short.</summary>
    public TimeSpan MaxClientAssertionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest an acting-professional assertion may live: it is reused for several calls.</summary>
    public TimeSpan MaxActingAssertionLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Leeway for clocks that differ a little (RFC 7519 §4.1.4: "a few minutes" at most).</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A new Carnet signing key is published (JWKS, every node's cache) this long before it signs, and
    /// each node reloads the keys at least this often: a rotation never meets a node that does not know the key.
    /// </summary>
    public TimeSpan SigningKeyPublicationDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The audience of client assertions: the token endpoint's address (RFC 7523 §3, item 3).</summary>
    public string TokenEndpoint => Issuer.TrimEnd('/') + "/oauth/token";

    /// <summary>The audience of access tokens and acting-professional assertions: Carnet's API.</summary>
    public string ApiAudience => Issuer.TrimEnd('/') + "/api";

    /// <summary>Where Carnet publishes its public signing keys (RFC 7517 JWK set).</summary>
    public string JwksUri => Issuer.TrimEnd('/') + "/oauth/jwks";

    /// <summary>The <c>iss</c> of Carnet's tokens: the address without a trailing slash.</summary>
    public string TokenIssuer => Issuer.TrimEnd('/');
}
