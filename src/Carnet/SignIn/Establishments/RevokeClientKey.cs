using Carnet.Persistence;
using Carnet.Professionals;
using Microsoft.EntityFrameworkCore;

namespace Carnet.SignIn.Establishments;

/// <summary>
/// The operator revokes a client key (lost, leaked or replaced): from now on Carnet refuses every client
/// assertion and acting-professional assertion signed with it, so calls signed with it stop at once.
/// </summary>
public sealed class RevokeClientKey(CarnetDbContext db, TimeProvider clock)
{
    public sealed record Request(string? ClientId, string? Kid);

    public async Task HandleAsync(Request request, CancellationToken ct)
    {
        var client = await EstablishmentClients.FindAsync(db, request.ClientId, ct);
        var key = await db.ClientKeys.SingleOrDefaultAsync(k => k.EstablishmentClientId == client.Id && k.Kid == request.Kid, ct)
            ?? throw new RegistrationException("unknown_key", $"Client {client.ClientId} has no key \"{request.Kid}\": list its keys with `carnet clients keys --client-id {client.ClientId}`.");
        if (key.RevokedAt is not null)
        {
            throw new RegistrationException("already_revoked", $"Key \"{key.Kid}\" of client {client.ClientId} was already revoked on {key.RevokedAt:yyyy-MM-dd HH:mm} UTC: nothing to do.");
        }

        key.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}
