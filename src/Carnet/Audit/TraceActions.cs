namespace Carnet.Audit;

/// <summary>The actions traced by the record lifecycle. Stable strings: they are stored.</summary>
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
}
