using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Carnet.SignIn.Sessions;

/// <summary>
/// Ends one of the person's own sessions: signing out of this one, or revoking another device. The
/// session is refused at its next request, on any node. Someone else's session looks like an unknown one.
/// </summary>
public sealed class EndSession(CarnetDbContext db, TimeProvider clock)
{
    public sealed record Request(Guid SessionId, SessionEnd Reason);

    public async Task HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        var session = await db.AccountSessions.SingleOrDefaultAsync(s => s.Id == request.SessionId && s.AccountId == caller.AccountId, ct)
            ?? throw new SignInRefusedException("session_not_found", "This session is not one of yours, or it has already ended. List your sessions to see the open ones.");
        session.End(request.Reason, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}
