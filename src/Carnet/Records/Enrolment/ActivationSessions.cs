using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Records.Enrolment;

/// <summary>Finds a usable activation by its token; an unknown and an expired token get the same answer.</summary>
public sealed class ActivationSessions(CarnetDbContext db, TimeProvider clock)
{
    public async Task<ActivationSession> FindAsync(string? token, CancellationToken ct)
    {
        ActivationSession? session = null;
        if (!string.IsNullOrWhiteSpace(token) && token.Length <= 100)
        {
            var hash = ActivationSession.HashOf(token);
            session = await db.ActivationSessions.SingleOrDefaultAsync(s => s.TokenHash == hash, ct);
        }

        if (session is null || !session.IsUsable(clock.GetUtcNow()))
        {
            throw new LifecycleException("activation_not_found", "This activation has expired or is unknown (an activation lasts one hour). Start again with a provisional code; ask for a new code if yours was used.");
        }

        return session;
    }
}
