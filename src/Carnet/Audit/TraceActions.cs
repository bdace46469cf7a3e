namespace Carnet.Audit;

/// <summary>The actions traced on a record (lifecycle and documents). Stable strings: they are stored.</summary>
public static class TraceActions
{
    public const string RecordCreated = "record.created";
    public const string RecordObjected = "record.objected";
    public const string RecordActivated = "record.activated";
    public const string RecordClosed = "record.closed";
    public const string DeletionRequested = "record.deletion_requested";
    public const string RecordPurged = "record.purged";
    public const string RecordReopened = "record.reopened";
    public const string RecordSuspended = "record.suspended";
    public const string SuspensionObjected = "record.suspension_objected";
    public const string SuspensionLifted = "record.suspension_lifted";
    public const string RepresentationEnded = "representation.ended";
    public const string LifecycleViewed = "record.lifecycle_viewed";
    public const string RecordViewed = "record.viewed";
    public const string RecordExported = "record.exported";
    public const string DocumentDeposited = "document.deposited";
    public const string DocumentReplaced = "document.replaced";
    public const string DocumentsListed = "documents.listed";
    public const string DocumentViewed = "document.viewed";
    public const string DocumentRetrieved = "document.retrieved";
    public const string DocumentChanged = "document.changed";
    public const string DocumentDeleted = "document.deleted";
    public const string DocumentReported = "document.reported_misfiled";
    public const string DocumentAnnounced = "document.announced";
    public const string AwaitingAnnouncementNoticed = "document.awaiting_announcement";
    public const string DocumentReleased = "document.released";
    public const string DocumentCorrupted = "document.corrupted";
    public const string BinaryStaged = "document.content_staged";
    public const string FoldersChanged = "document.folders_changed";
    public const string EmergencyAccessOpened = "emergency.opened";
    public const string EmergencyReasonGiven = "emergency.reason_given";
    public const string ConsentRecorded = "access.consent_recorded";
    public const string AuthorizationWithdrawn = "access.authorization_withdrawn";
    public const string ProfessionalBlocked = "access.professional_blocked";
    public const string ProfessionalUnblocked = "access.professional_unblocked";
    public const string RoleDeclared = "access.role_declared";
    public const string RoleEnded = "access.role_ended";
    public const string AccessSettingsChanged = "access.settings_changed";
    public const string SecretConnectionOpened = "access.secret_connection_opened";
    public const string AccessChoicesViewed = "access.choices_viewed";
    public const string TracesViewed = "traces.viewed";
}
