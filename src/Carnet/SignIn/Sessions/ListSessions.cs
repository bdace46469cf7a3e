using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carnet.SignIn.Sessions;

/// <summary>The person's open sessions, newest first, the current one marked (DOMAIN.md §3.3: list devices and sessions).</summary>
public sealed class ListSessions(CarnetDbContext db, TimeProvider clock, IOptions<SignInOptions> options)
{
    public sealed record Item(Guid Id, string Device, DateTimeOffset StartedAt, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt, bool Current);

    public async Task<IReadOnlyList<Item>> HandleAsync(Caller caller, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var sessions = await db.AccountSessions.AsNoTracking()
            .Where(s => s.AccountId == caller.AccountId && s.EndedAt == null)
            .ToListAsync(ct);
        return [.. sessions
            .Where(s => s.IsActive(now, options.Value.SessionIdleTimeout))
            .OrderByDescending(s => s.LastSeenAt)
            .Select(s => new Item(s.Id, s.Device, s.StartedAt, s.LastSeenAt, s.ExpiresAt, s.Id == caller.SessionId))];
    }
}
