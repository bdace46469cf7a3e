namespace Carnet.Notifications;

/// <summary>
/// A step of the INVISIBLE_PATIENT notices already given for a document (announced at 14 days,
/// released at a month): kept so it is never given twice. The key (document, kind) makes two nodes
/// running the job at once give it once.
/// </summary>
public sealed class InvisibleDocumentNotice
{
    private InvisibleDocumentNotice()
    {
    }

    public Guid DocumentId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public Guid RecordId { get; private set; }

    public Guid NotificationId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static InvisibleDocumentNotice Of(Guid documentId, NotificationKind kind, Notification notification) => new()
    {
        DocumentId = documentId,
        Kind = kind,
        RecordId = notification.RecordId,
        NotificationId = notification.Id,
        At = notification.At,
    };
}
