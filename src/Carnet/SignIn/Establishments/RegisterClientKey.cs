using Carnet.Persistence;
using Carnet.Professionals;
using Microsoft.EntityFrameworkCore;

namespace Carnet.SignIn.Establishments;

/// <summary>
/// The operator registers a public key of an establishment client (a JWK with a <c>kid</c>). A client may
/// hold several keys, so that it can move to a new one before the old one is revoked.
/// </summary>
public sealed class RegisterClientKey(CarnetDbContext db, TimeProvider clock)
{
    public sealed record Request(string? ClientId, string? Jwk);

    public sealed record Result(string ClientId, string Kid, string Algorithm);

    public async Task<Result> HandleAsync(Request request, CancellationToken ct)
    {
        var client = await EstablishmentClients.FindAsync(db, request.ClientId, ct);
        var key = ClientPublicKey.Parse(request.Jwk);
        if (await db.ClientKeys.AnyAsync(k => k.EstablishmentClientId == client.Id && k.Kid == key.Kid, ct))
        {
            throw new RegistrationException("already_registered", $"Client {client.ClientId} already has a key \"{key.Kid}\" (perhaps revoked): give the new key another kid, for example with the date in it.");
        }

        db.ClientKeys.Add(ClientKey.Add(client.Id, key, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return new Result(client.ClientId, key.Kid, key.Algorithm);
    }
}
