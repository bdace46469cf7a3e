using Carnet.Jobs;
using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Carnet.SignIn.Establishments;

/// <summary>Forgets used client assertions once they have expired: an expired assertion is refused anyway.</summary>
public sealed class PurgeUsedClientAssertions(CarnetDbContext db, TimeProvider clock) : IScheduledJob
{
    public const string JobName = "sign-in.purge-used-client-assertions";

    public Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.UsedClientAssertions.Where(a => a.ExpiresAt < now).ExecuteDeleteAsync(ct);
    }
}
