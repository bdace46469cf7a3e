using Carnet.Persistence;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Notifications;

/// <summary>The caller's e-mail preferences for one record, one line per kind; the in-app centre always shows everything.</summary>
public sealed class ShowNotificationPreferences(CarnetDbContext db, VisibleNotifications visible)
{
    public sealed record Preference(NotificationKind Kind, bool Email, bool InApp);

    public async Task<IReadOnlyList<Preference>> HandleAsync(Caller caller, Guid recordId, CancellationToken ct)
    {
        await visible.OfAsync(caller, recordId, ct);
        var account = caller.AccountId;
        var off = await db.Set<NotificationPreference>().AsNoTracking()
            .Where(p => p.RecordId == recordId && p.AccountId == account && !p.Email)
            .Select(p => p.Kind)
            .ToListAsync(ct);
        return [.. Enum.GetValues<NotificationKind>().Select(k => new Preference(k, !off.Contains(k), InApp: true))];
    }
}
