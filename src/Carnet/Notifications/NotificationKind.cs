namespace Carnet.Notifications;

/// <summary>What a notification tells the holder (DOMAIN.md §6). Stable names: they are stored and shown in the API.</summary>
public enum NotificationKind
{
    /// <summary>A professional or an establishment read the record (coalesced per professional and day).</summary>
    ProfessionalAccess,

    /// <summary>Someone opened the record in an emergency mode (bris de glace, centre 15); each access is its own notification.</summary>
    EmergencyAccess,

    /// <summary>A professional added, replaced, changed or deleted documents.</summary>
    DocumentByProfessional,

    /// <summary>A document invisible to the holder was deposited 14 days ago and not yet released (DOMAIN.md §4).</summary>
    DocumentAwaitingAnnouncement,

    /// <summary>A document invisible to the holder became visible, one month after its deposit.</summary>
    DocumentReleased,
}
