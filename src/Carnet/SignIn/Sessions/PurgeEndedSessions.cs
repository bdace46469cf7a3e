using Carnet.Jobs;
using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Carnet.SignIn.Sessions;

/// <summary>
/// Removes what sign-in leaves behind: challenges and passkey ceremonies a day after they expired, and
/// sessions a month after they ended (the device list shows open sessions only; a month covers support questions).
/// </summary>
public sealed class PurgeEndedSessions(CarnetDbContext db, TimeProvider clock) : IScheduledJob
{
    public const string JobName = "sign-in.purge-ended-sessions";

    public static readonly TimeSpan SessionRetention = TimeSpan.FromDays(30);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var challengesBefore = now - TimeSpan.FromDays(1);
        var sessionsBefore = now - SessionRetention;
        var challenges = await db.SignInChallenges.Where(c => c.ExpiresAt < challengesBefore).ExecuteDeleteAsync(ct);
        var sessions = await db.AccountSessions.Where(s => s.ExpiresAt < sessionsBefore || s.EndedAt < sessionsBefore).ExecuteDeleteAsync(ct);
        return challenges + sessions;
    }
}
