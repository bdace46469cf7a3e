using Carnet.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Carnet.Notifications;

/// <summary>
/// The REST API of a record's notification centre and the caller's e-mail preferences. Mapped under
/// <c>/api/records/{recordId}</c>, behind the health-data policy; another person's record is "not found".
/// </summary>
public static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotificationEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/notifications", FindAsync).WithSummary("The record's notifications, newest first, with the caller's unread count; ?unread=true for unread ones only.");
        group.MapPost("/notifications/read", MarkAllReadAsync).WithSummary("Mark all the record's notifications as read, for the caller's account.");
        group.MapPost("/notifications/{notificationId:guid}/read", MarkReadAsync).WithSummary("Mark one notification as read, for the caller's account.");
        group.MapDelete("/notifications/{notificationId:guid}", DeleteAsync).WithSummary("Delete a notification for every account with access to the record.");
        group.MapGet("/notification-preferences", ShowPreferencesAsync).WithSummary("Which kinds the caller also receives by e-mail for this record (the centre always shows all).");
        group.MapPut("/notification-preferences", ChangePreferencesAsync).WithSummary("Turn e-mails on or off per kind, for the caller's account and this record.");
        return group;
    }

    public sealed record PreferencesBody(IReadOnlyList<ChangeNotificationPreferences.Change> Preferences);

    private static Caller CallerOf(HttpContext http) => Caller.From(http.User)!;

    private static async Task<Ok<FindNotifications.Page>> FindAsync(HttpContext http, Guid recordId, bool? unread, int? page, int? pageSize, FindNotifications handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(CallerOf(http), new FindNotifications.Query(recordId, unread ?? false, page ?? 1, pageSize ?? 20), ct));

    private static async Task<NoContent> MarkAllReadAsync(HttpContext http, Guid recordId, MarkNotificationsRead handler, CancellationToken ct)
    {
        await handler.HandleAsync(CallerOf(http), recordId, null, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> MarkReadAsync(HttpContext http, Guid recordId, Guid notificationId, MarkNotificationsRead handler, CancellationToken ct)
    {
        await handler.HandleAsync(CallerOf(http), recordId, notificationId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> DeleteAsync(HttpContext http, Guid recordId, Guid notificationId, DeleteNotification handler, CancellationToken ct)
    {
        await handler.HandleAsync(CallerOf(http), recordId, notificationId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<ShowNotificationPreferences.Preference>>> ShowPreferencesAsync(HttpContext http, Guid recordId, ShowNotificationPreferences handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(CallerOf(http), recordId, ct));

    private static async Task<Ok<IReadOnlyList<ShowNotificationPreferences.Preference>>> ChangePreferencesAsync(HttpContext http, Guid recordId, PreferencesBody body, ChangeNotificationPreferences handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(CallerOf(http), recordId, body.Preferences ?? [], ct));
}
