using System.Globalization;
using Carnet.Persistence;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Notifications;

/// <summary>
/// A record's notification centre, newest first, in pages, with the caller's unread count. Not traced:
/// it shows what the trace history already shows the same people (who accessed, when), no health data.
/// </summary>
public sealed class FindNotifications(CarnetDbContext db, VisibleNotifications visible)
{
    public const int MaxPageSize = 100;

    /// <summary><paramref name="UnreadFirst"/>: the caller's unread notifications come before the read ones, each newest first.</summary>
    public sealed record Query(Guid RecordId, bool UnreadOnly = false, int Page = 1, int PageSize = 20, bool UnreadFirst = false);

    public sealed record Item(Guid Id, NotificationKind Kind, string Title, string Action, string ActorName, Audit.AccessMode AccessMode, Guid? DocumentId, int Count, DateTimeOffset At, DateTimeOffset LastAt, bool Read);

    public sealed record Page(IReadOnlyList<Item> Items, int Total, int Unread, int Number, int PageSize, bool HasMore);

    public async Task<Page> HandleAsync(Caller caller, Query query, CancellationToken ct)
    {
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var number = Math.Max(1, query.Page);
        var account = caller.AccountId;
        var notifications = (await visible.OfAsync(caller, query.RecordId, ct)).AsNoTracking();
        var reads = db.Set<NotificationRead>().Where(r => r.AccountId == account);
        var unread = await notifications.CountAsync(n => !reads.Any(r => r.NotificationId == n.Id), ct);
        if (query.UnreadOnly)
        {
            notifications = notifications.Where(n => !reads.Any(r => r.NotificationId == n.Id));
        }

        var total = query.UnreadOnly ? unread : await notifications.CountAsync(ct);
        var ordered = query.UnreadFirst
            ? notifications.OrderBy(n => reads.Any(r => r.NotificationId == n.Id)).ThenByDescending(n => n.LastAt).ThenByDescending(n => n.Id)
            : notifications.OrderByDescending(n => n.LastAt).ThenByDescending(n => n.Id);
        var rows = await ordered
            .Skip((number - 1) * size).Take(size)
            .Select(n => new { Notification = n, Read = reads.Any(r => r.NotificationId == n.Id) })
            .ToListAsync(ct);
        var culture = CultureInfo.CurrentUICulture;
        var items = rows.Select(r => new Item(
            r.Notification.Id,
            r.Notification.Kind,
            NotificationTexts.Title(r.Notification, culture),
            r.Notification.Action,
            r.Notification.ActorName,
            r.Notification.AccessMode,
            r.Notification.DocumentId,
            r.Notification.Count,
            r.Notification.At,
            r.Notification.LastAt,
            r.Read)).ToList();
        return new Page(items, total, unread, number, size, (number * size) < total);
    }
}
