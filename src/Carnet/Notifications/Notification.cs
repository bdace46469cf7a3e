using Carnet.Audit;

namespace Carnet.Notifications;

/// <summary>
/// One entry of a record's notification centre. It belongs to the record, not to an account: every
/// account with access to the record sees it, and deleting it deletes it for all of them; whether it
/// was read is kept per account (<see cref="NotificationRead"/>). It holds no health data beyond what
/// the holder sees anyway in the traces: who, which action, when, a document id.
/// </summary>
public sealed class Notification
{
    private Notification()
    {
    }

    public Guid Id { get; private set; }

    public Guid RecordId { get; private set; }

    public NotificationKind Kind { get; private set; }

    /// <summary>The trace action that caused it (the most telling one when several did).</summary>
    public string Action { get; private set; } = "";

    public ActorKind ActorKind { get; private set; }

    public string ActorId { get; private set; } = "";

    public string ActorName { get; private set; } = "";

    public AccessMode AccessMode { get; private set; }

    /// <summary>The document concerned, when there is exactly one.</summary>
    public Guid? DocumentId { get; private set; }

    /// <summary>How many accesses or documents it stands for.</summary>
    public int Count { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The latest access it stands for: the centre is ordered by it.</summary>
    public DateTimeOffset LastAt { get; private set; }

    /// <summary>The service's calendar day of a coalesced notification (one per record, professional, kind and day); null for the others.</summary>
    public DateOnly? Day { get; private set; }

    /// <summary>About a document hidden from legal representatives (a minor's secret): only the holder sees it.</summary>
    public bool HiddenFromLegalRepresentatives { get; private set; }

    /// <summary>For a document awaiting its announcement: when it becomes visible to the holder anyway.</summary>
    public DateTimeOffset? VisibleAt { get; private set; }

    public static Notification Create(
        Guid recordId,
        NotificationKind kind,
        string action,
        Actor actor,
        AccessMode mode,
        DateTimeOffset at,
        int count = 1,
        Guid? documentId = null,
        DateOnly? day = null,
        bool hiddenFromLegalRepresentatives = false,
        DateTimeOffset? visibleAt = null) => new()
        {
            Id = Guid.CreateVersion7(at),
            RecordId = recordId,
            Kind = kind,
            Action = action,
            ActorKind = actor.Kind,
            ActorId = actor.Id,
            ActorName = actor.DisplayName,
            AccessMode = mode,
            DocumentId = documentId,
            Count = count,
            At = at,
            LastAt = at,
            Day = day,
            HiddenFromLegalRepresentatives = hiddenFromLegalRepresentatives,
            VisibleAt = visibleAt,
        };

    /// <summary>The same professional read again the same day: counted here rather than notified again.</summary>
    /// <summary>Shown to the holder only: it tells of a professional's secret connection with a minor (CSP L.1111-5).</summary>
    internal void HideFromLegalRepresentatives() => HiddenFromLegalRepresentatives = true;

    public void Repeat(int count, DateTimeOffset at)
    {
        Count += count;
        if (at > LastAt)
        {
            LastAt = at;
        }
    }
}
