namespace Carnet.SignIn.Establishments;

/// <summary>
/// A client assertion already exchanged for a token, kept until it would have expired anyway: RFC 7523
/// §3 item 7 lets the server refuse a replayed <c>jti</c>, and Carnet does. The primary key (client, jti)
/// is what makes a second use fail, even when two nodes receive the same assertion at the same instant.
/// </summary>
public sealed class UsedClientAssertion
{
    private UsedClientAssertion()
    {
    }

    public string ClientId { get; private set; } = "";

    public string Jti { get; private set; } = "";

    /// <summary>The assertion's <c>exp</c> plus the clock leeway: after that it would be refused as expired.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public static UsedClientAssertion Of(string clientId, string jti, DateTimeOffset expiresAt) => new()
    {
        ClientId = clientId,
        Jti = jti,
        ExpiresAt = expiresAt,
    };
}
