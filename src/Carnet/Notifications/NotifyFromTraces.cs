using System.Runtime.CompilerServices;
using Carnet.Access;
using Carnet.Audit;
using Carnet.Documents;
using Carnet.Persistence;
using Carnet.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Carnet.Notifications;

/// <summary>
/// Turns the traces a unit of work is about to save into the holder's notifications and e-mails, in
/// the same SaveChanges: a notification is never lost, and none is sent for a change that did not
/// commit. Use cases need not know about notifications: every touch of health data already leaves a
/// trace (STYLE.md rule 5), and <see cref="NotificationRules"/> says which ones notify.
/// Cheap by design: a unit of work without a professional's trace costs nothing; otherwise one query
/// for the recipients and their preferences, plus one to find today's notification to coalesce into.
/// </summary>
public sealed class NotifyFromTraces(IOptions<RecordsOptions> records) : SaveChangesInterceptor
{
    // A SaveChanges that fails leaves its traces Added; when the use case saves again, they must not notify twice.
    private readonly ConditionalWeakTable<Trace, object> _handled = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CarnetDbContext db)
        {
            await NotifyAsync(db, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is CarnetDbContext db)
        {
            // Carnet saves asynchronously everywhere; a synchronous save (a tool, a test) still notifies.
            NotifyAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    private async Task NotifyAsync(CarnetDbContext db, CancellationToken ct)
    {
        var due = new List<(Trace Trace, NotificationKind Kind)>();
        foreach (var entry in db.ChangeTracker.Entries<Trace>())
        {
            if (entry.State == EntityState.Added && NotificationRules.KindOf(entry.Entity) is { } kind && _handled.TryAdd(entry.Entity, kind))
            {
                due.Add((entry.Entity, kind));
            }
        }

        if (due.Count == 0)
        {
            return;
        }

        var options = records.Value;
        var recipients = new Dictionary<Guid, IReadOnlyList<NotificationMail.Recipient>>();
        foreach (var group in due.GroupBy(d => (d.Trace.RecordId, d.Trace.ActorKind, d.Trace.ActorId, d.Kind, d.Trace.AccessMode)))
        {
            var traces = group.Select(d => d.Trace).ToList();
            var last = traces.MaxBy(t => t.At)!;
            var actor = new Actor(last.ActorKind, last.ActorId, last.ActorName);
            // An emergency access is told to everyone with access, secret connection or not (DOMAIN.md §5).
            var secret = group.Key.Kind != NotificationKind.EmergencyAccess && await InSecretConnectionAsync(db, group.Key.RecordId, actor, last.At, ct);
            // An emergency access is told when it is opened (and e-mailed then); what is read during it is counted in one
            // notification of the day, without another e-mail.
            var emergencyReads = group.Key.Kind == NotificationKind.EmergencyAccess && !traces.Exists(t => t.Action == TraceActions.EmergencyAccessOpened);
            var created = group.Key.Kind switch
            {
                NotificationKind.ProfessionalAccess when !secret => await AccessAsync(db, group.Key.RecordId, NotificationKind.ProfessionalAccess, AccessMode.Normal, actor, traces, options.Today(last.At), ct),
                NotificationKind.EmergencyAccess when emergencyReads && !secret => await AccessAsync(db, group.Key.RecordId, NotificationKind.EmergencyAccess, group.Key.AccessMode, actor, traces, options.Today(last.At), ct),
                NotificationKind.DocumentByProfessional => await DocumentsAsync(db, group.Key.RecordId, actor, traces, ct),
                _ => [Notification.Create(group.Key.RecordId, group.Key.Kind, last.Action, actor, group.Key.AccessMode, last.At, traces.Count)],
            };
            foreach (var notification in created)
            {
                if (secret)
                {
                    notification.HideFromLegalRepresentatives();
                }

                db.Add(notification);
                if (emergencyReads)
                {
                    continue;
                }

                if (!recipients.TryGetValue(notification.RecordId, out var to))
                {
                    to = await NotificationMail.RecipientsAsync(db, notification.RecordId, ct);
                    recipients[notification.RecordId] = to;
                }

                NotificationMail.Queue(db, notification, to, options.PublicBaseUrl, notification.At);
            }
        }
    }

    /// <summary>
    /// Whether the professional is in a secret connection with this (minor's) record: what they do then is told
    /// to the minor only, never to the parents, or the secret would be out (CSP L.1111-5).
    /// </summary>
    private static async Task<bool> InSecretConnectionAsync(CarnetDbContext db, Guid recordId, Actor actor, DateTimeOffset at, CancellationToken ct) =>
        actor.Kind == ActorKind.Professional
        && (db.SecretConnections.Local.Any(c => c.RecordId == recordId && c.IdNatPs == actor.Id && c.ExpiresAt > at)
            || await db.SecretConnections.AnyAsync(c => c.RecordId == recordId && c.IdNatPs == actor.Id && c.ExpiresAt > at, ct));

    /// <summary>Today's notification of this professional on this record is counted on; only the first of the day is new (and e-mailed).</summary>
    private static async Task<IReadOnlyList<Notification>> AccessAsync(CarnetDbContext db, Guid recordId, NotificationKind kind, AccessMode mode, Actor actor, List<Trace> traces, DateOnly day, CancellationToken ct)
    {
        var at = traces.Max(t => t.At);
        bool Same(Notification n) => n.RecordId == recordId && n.Kind == kind && n.AccessMode == mode && n.ActorKind == actor.Kind && n.ActorId == actor.Id && n.Day == day && !n.HiddenFromLegalRepresentatives;
        var today = db.ChangeTracker.Entries<Notification>().Select(e => e.Entity).FirstOrDefault(Same)
            ?? await db.Set<Notification>()
                .Where(n => n.RecordId == recordId && n.Kind == kind && n.AccessMode == mode && n.ActorId == actor.Id && n.ActorKind == actor.Kind && n.Day == day && !n.HiddenFromLegalRepresentatives)
                .FirstOrDefaultAsync(ct);
        if (today is not null)
        {
            // Two nodes may both create the day's first one at the same instant: the holder then sees two, which is harmless.
            today.Repeat(traces.Count, at);
            return [];
        }

        return [Notification.Create(recordId, kind, traces.MaxBy(t => t.At)!.Action, actor, mode, at, traces.Count, day: day)];
    }

    /// <summary>
    /// One notification for the documents a professional touched in this unit of work — split when some
    /// are a minor's secret — and none for documents the holder may not see yet (INVISIBLE_PATIENT: the
    /// professional announces them in person; <see cref="AnnounceInvisibleDocuments"/> tells the holder later).
    /// </summary>
    private static async Task<IReadOnlyList<Notification>> DocumentsAsync(CarnetDbContext db, Guid recordId, Actor actor, List<Trace> traces, CancellationToken ct)
    {
        var deposited = traces.Any(t => t.Action == TraceActions.DocumentDeposited);
        var action = deposited && traces.Any(t => t.Action == TraceActions.DocumentReplaced) ? TraceActions.DocumentReplaced
            : traces.GroupBy(t => t.Action, StringComparer.Ordinal).OrderByDescending(g => g.Count()).First().Key;

        // A new version is traced twice (the old one replaced, the new one deposited): it is one document.
        var ids = traces
            .Where(t => !(deposited && t.Action == TraceActions.DocumentReplaced))
            .Select(t => Guid.TryParse(t.Target, out var id) ? id : (Guid?)null)
            .ToList();
        var known = ids.OfType<Guid>().Distinct().ToList();
        var documents = db.ChangeTracker.Entries<HealthDocument>()
            .Where(e => known.Contains(e.Entity.Id))
            .ToDictionary(e => e.Entity.Id, e => (e.Entity.InvisibleToHolder, e.Entity.InvisibleToLegalRepresentatives, e.Entity.DepositedAt));
        var missing = known.Where(id => !documents.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var d in await db.Documents.AsNoTracking().Where(d => missing.Contains(d.Id))
                .Select(d => new { d.Id, d.InvisibleToHolder, d.InvisibleToLegalRepresentatives, d.DepositedAt }).ToListAsync(ct))
            {
                documents[d.Id] = (d.InvisibleToHolder, d.InvisibleToLegalRepresentatives, d.DepositedAt);
            }
        }

        var at = traces.Max(t => t.At);
        var shown = new List<(Guid? Id, bool Secret)>();
        foreach (var id in ids.Distinct())
        {
            if (id is { } documentId && documents.TryGetValue(documentId, out var d))
            {
                if (d.InvisibleToHolder && d.DepositedAt > at - AccessGate.InvisibleToHolderAtMost)
                {
                    continue;
                }

                shown.Add((documentId, d.InvisibleToLegalRepresentatives));
            }
            else
            {
                shown.Add((id, false));
            }
        }

        return shown.GroupBy(s => s.Secret)
            .Select(g => Notification.Create(recordId, NotificationKind.DocumentByProfessional, action, actor, AccessMode.Normal, at, g.Count(), g.Count() == 1 ? g.Single().Id : null, hiddenFromLegalRepresentatives: g.Key))
            .ToList();
    }
}
