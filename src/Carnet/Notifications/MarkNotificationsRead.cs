using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Notifications;

/// <summary>Marks one notification, or all of a record's, as read for the caller's account only (others keep their own read state).</summary>
public sealed class MarkNotificationsRead(CarnetDbContext db, VisibleNotifications visible, TimeProvider clock)
{
    /// <summary>Returns how many became read; a notification the caller cannot see is "not found".</summary>
    public async Task<int> HandleAsync(Caller caller, Guid recordId, Guid? notificationId, CancellationToken ct)
    {
        var account = caller.AccountId!.Value;
        var notifications = await visible.OfAsync(caller, recordId, ct);
        if (notificationId is { } id)
        {
            notifications = notifications.Where(n => n.Id == id);
            if (!await notifications.AnyAsync(ct))
            {
                throw new RecordNotFoundException(HealthDataRefusals.NotFound);
            }
        }

        var unread = await notifications
            .Where(n => !db.Set<NotificationRead>().Any(r => r.NotificationId == n.Id && r.AccountId == account))
            .Select(n => n.Id)
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var unreadId in unread)
        {
            db.Add(NotificationRead.Of(unreadId, account, now));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another tab marked some of them at the same moment (the key refused ours), or one was
            // deleted meanwhile: what the caller asked for holds either way.
            db.ChangeTracker.Clear();
            return 0;
        }

        return unread.Count;
    }
}
