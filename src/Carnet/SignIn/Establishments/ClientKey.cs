namespace Carnet.SignIn.Establishments;

/// <summary>
/// A public key an establishment client signs its assertions with (RFC 7523 <c>private_key_jwt</c>).
/// A client holds several so that it can rotate: register the new key, move the software to it, then
/// revoke the old one. A revoked key stays, so that its <c>kid</c> is never reused.
/// </summary>
public sealed class ClientKey
{
    private ClientKey()
    {
    }

    public Guid Id { get; private set; }

    public Guid EstablishmentClientId { get; private set; }

    /// <summary>The JWK <c>kid</c> (RFC 7517 §4.5) the client puts in its JWS headers; unique per client.</summary>
    public string Kid { get; private set; } = "";

    /// <summary>ES256 or RS256: the only algorithm this key may sign with (RFC 7518 §3.1).</summary>
    public string Algorithm { get; private set; } = "";

    /// <summary>The public JWK, members reduced to those that define the key (kty, crv/x/y or n/e, kid, alg).</summary>
    public string PublicJwk { get; private set; } = "";

    public DateTimeOffset AddedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public static ClientKey Add(Guid establishmentClientId, ClientPublicKey key, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        EstablishmentClientId = establishmentClientId,
        Kid = key.Kid,
        Algorithm = key.Algorithm,
        PublicJwk = key.Json,
        AddedAt = at,
    };

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;
}
