using System.Collections.Frozen;
using Carnet.Audit;

namespace Carnet.Notifications;

/// <summary>
/// Which traces notify the holder, and as what (DOMAIN.md §6): one small table of actions, easy to
/// extend when new actions are traced. Only professionals and establishments notify: the holder's
/// side (holder, representatives, caregivers) knows what it did, and the operator and Carnet's jobs
/// do not read health data — the operator's <c>record.lifecycle_viewed</c> shows lifecycle dates, not
/// documents, and stays visible in the trace history.
/// </summary>
public static class NotificationRules
{
    /// <summary>
    /// Actions that are not reads. Any other action by a professional counts as an access, so a newly
    /// traced action (consent.recorded, …) notifies as one until it is given its own kind here.
    /// A null kind means "no notification" (a document merely staged notifies once deposited).
    /// </summary>
    private static readonly FrozenDictionary<string, NotificationKind?> Actions = new Dictionary<string, NotificationKind?>(StringComparer.Ordinal)
    {
        [TraceActions.DocumentDeposited] = NotificationKind.DocumentByProfessional,
        [TraceActions.DocumentReplaced] = NotificationKind.DocumentByProfessional,
        [TraceActions.DocumentChanged] = NotificationKind.DocumentByProfessional,
        [TraceActions.DocumentDeleted] = NotificationKind.DocumentByProfessional,
        [TraceActions.DocumentAnnounced] = NotificationKind.DocumentByProfessional,
        [TraceActions.BinaryStaged] = null,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The kind a trace notifies as, or null when it notifies nothing.</summary>
    public static NotificationKind? KindOf(Trace trace)
    {
        if (trace.ActorKind is not (ActorKind.Professional or ActorKind.Establishment))
        {
            return null;
        }

        // A document is told as a document whatever the mode (so one not yet announced to the holder stays untold);
        // every other emergency access notifies, with its mode (DOMAIN.md §5).
        if (Actions.TryGetValue(trace.Action, out var kind))
        {
            return kind;
        }

        return trace.AccessMode is AccessMode.BreakTheGlass or AccessMode.Centre15 ? NotificationKind.EmergencyAccess : NotificationKind.ProfessionalAccess;
    }

    /// <summary>
    /// Coalesced kinds become one notification per record, professional and day, counted, with one
    /// e-mail for the first; the others are one notification (and one e-mail) per unit of work —
    /// a deposit of five documents is one notification for five documents.
    /// </summary>
    public static bool IsCoalesced(NotificationKind kind) => kind == NotificationKind.ProfessionalAccess;
}
