namespace Carnet.Records;

/// <summary>Where a record stands in its lifecycle (DOMAIN.md §3).</summary>
public enum RecordState
{
    /// <summary>Imported by the operator; the notice is queued but not yet sent.</summary>
    AwaitingNotice,

    /// <summary>The notice was sent: the record is created six weeks later unless the person objects.</summary>
    OppositionWindow,

    /// <summary>The person objected to the creation. They may change their mind (reopen).</summary>
    Objected,

    /// <summary>The record exists and receives documents (activated or not by the holder).</summary>
    Open,

    /// <summary>Suspended by the operator (fraud or serious malfunction); closed after six weeks without objection.</summary>
    Suspended,

    /// <summary>Closed: data archived for ten years, or being deleted on the holder's request.</summary>
    Closed,

    /// <summary>Data destroyed (ten years after closure, or on the holder's deletion request).</summary>
    Purged,
}
