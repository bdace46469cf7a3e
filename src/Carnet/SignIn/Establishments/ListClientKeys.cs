using Carnet.Persistence;
using Carnet.Professionals;
using Microsoft.EntityFrameworkCore;

namespace Carnet.SignIn.Establishments;

/// <summary>The keys of a client, oldest first, for the operator planning a rotation.</summary>
public sealed class ListClientKeys(CarnetDbContext db)
{
    public sealed record Request(string? ClientId);

    public sealed record Key(string Kid, string Algorithm, DateTimeOffset AddedAt, DateTimeOffset? RevokedAt);

    public sealed record Result(string ClientId, bool Enabled, IReadOnlyList<Key> Keys);

    public async Task<Result> HandleAsync(Request request, CancellationToken ct)
    {
        var client = await EstablishmentClients.FindAsync(db, request.ClientId, ct);
        var keys = await db.ClientKeys.AsNoTracking()
            .Where(k => k.EstablishmentClientId == client.Id)
            .Select(k => new Key(k.Kid, k.Algorithm, k.AddedAt, k.RevokedAt))
            .ToListAsync(ct);
        return new Result(client.ClientId, client.Enabled, [.. keys.OrderBy(k => k.AddedAt)]);
    }
}
