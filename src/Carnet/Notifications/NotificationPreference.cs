namespace Carnet.Notifications;

/// <summary>
/// Whether an account wants e-mails of one kind for one record (a parent may want their child's, the
/// other parent not). Only e-mail is governed: the in-app centre always shows every notification.
/// No row means the default, which is on for every kind (DOMAIN.md §6 asks to notify each access).
/// </summary>
public sealed class NotificationPreference
{
    private NotificationPreference()
    {
    }

    public Guid RecordId { get; private set; }

    public Guid AccountId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public bool Email { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static NotificationPreference Of(Guid recordId, Guid accountId, NotificationKind kind, bool email, DateTimeOffset at) => new()
    {
        RecordId = recordId,
        AccountId = accountId,
        Kind = kind,
        Email = email,
        UpdatedAt = at,
    };

    public void Change(bool email, DateTimeOffset at)
    {
        Email = email;
        UpdatedAt = at;
    }
}
