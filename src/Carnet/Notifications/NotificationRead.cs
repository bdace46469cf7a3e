namespace Carnet.Notifications;

/// <summary>An account has read a notification: read state is per account, the notification per record.</summary>
public sealed class NotificationRead
{
    private NotificationRead()
    {
    }

    public Guid NotificationId { get; private set; }

    public Guid AccountId { get; private set; }

    public DateTimeOffset ReadAt { get; private set; }

    public static NotificationRead Of(Guid notificationId, Guid accountId, DateTimeOffset at) => new()
    {
        NotificationId = notificationId,
        AccountId = accountId,
        ReadAt = at,
    };
}
