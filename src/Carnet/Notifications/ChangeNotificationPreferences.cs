using Carnet.Persistence;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Notifications;

/// <summary>Sets, for the caller's account and one record, which kinds are also sent by e-mail; kinds not named keep their setting.</summary>
public sealed class ChangeNotificationPreferences(CarnetDbContext db, VisibleNotifications visible, ShowNotificationPreferences show, TimeProvider clock)
{
    public sealed record Change(NotificationKind Kind, bool Email);

    public async Task<IReadOnlyList<ShowNotificationPreferences.Preference>> HandleAsync(Caller caller, Guid recordId, IReadOnlyCollection<Change> changes, CancellationToken ct)
    {
        await visible.OfAsync(caller, recordId, ct);
        var account = caller.AccountId!.Value;
        var now = clock.GetUtcNow();
        var stored = await db.Set<NotificationPreference>()
            .Where(p => p.RecordId == recordId && p.AccountId == account)
            .ToDictionaryAsync(p => p.Kind, ct);
        foreach (var change in changes.GroupBy(c => c.Kind).Select(g => g.Last()))
        {
            if (stored.TryGetValue(change.Kind, out var preference))
            {
                preference.Change(change.Email, now);
            }
            else
            {
                db.Add(NotificationPreference.Of(recordId, account, change.Kind, change.Email, now));
            }
        }

        await db.SaveChangesAsync(ct);
        return await show.HandleAsync(caller, recordId, ct);
    }
}
