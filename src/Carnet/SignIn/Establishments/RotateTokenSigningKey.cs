using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carnet.SignIn.Establishments;

/// <summary>
/// Adds Carnet's next token signing key. It is published at once and signs after the publication delay,
/// when every node has reloaded its keys; the previous key keeps verifying the tokens it signed until they
/// expire. <c>Immediately</c> skips the delay: for the first key, or when the current key is compromised.
/// </summary>
public sealed class RotateTokenSigningKey(CarnetDbContext db, TokenSigningKeys keys, TimeProvider clock, IOptions<EstablishmentSignInOptions> options)
{
    public sealed record Request(bool Immediately);

    public sealed record Result(string Kid, int Generation, DateTimeOffset SignsFrom);

    public async Task<Result> HandleAsync(Request request, CancellationToken ct)
    {
        var generation = (await db.TokenSigningKeys.MaxAsync(k => (int?)k.Generation, ct) ?? 0) + 1;
        var now = clock.GetUtcNow();
        var signsFrom = request.Immediately || generation == 1 ? now : now + options.Value.SigningKeyPublicationDelay;
        var key = TokenSigningKey.Create(generation, keys.Protector, now, signsFrom);
        db.TokenSigningKeys.Add(key);

        // The unique generation refuses a second rotation made at the same instant on another node.
        await db.SaveChangesAsync(ct);
        keys.Invalidate();
        return new Result(key.Kid, key.Generation, key.SignsFrom);
    }
}
