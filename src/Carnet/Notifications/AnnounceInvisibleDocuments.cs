using Carnet.Access;
using Carnet.Audit;
using Carnet.Documents;
using Carnet.Jobs;
using Carnet.Persistence;
using Carnet.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carnet.Notifications;

/// <summary>
/// The notices of INVISIBLE_PATIENT documents (DOMAIN.md §4, law): a document the holder may not see
/// until a professional announces it is announced to the holder after 14 days if still invisible, and
/// when it becomes visible, one month after its deposit (<see cref="AccessGate.InvisibleToHolderAtMost"/>).
/// Each notice is given once, recorded in <see cref="InvisibleDocumentNotice"/> in the same unit of
/// work; its key makes a second node's attempt fail, and that node just moves on.
/// </summary>
public sealed class AnnounceInvisibleDocuments(CarnetDbContext db, TimeProvider clock, IOptions<RecordsOptions> options) : IScheduledJob
{
    public const string JobName = "documents.invisible-to-holder-notices";
    public static readonly TimeSpan AnnouncedAfter = TimeSpan.FromDays(14);
    private const int Batch = 200;

    private sealed record Due(Guid Id, Guid RecordId, DateTimeOffset DepositedAt, bool Secret);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var released = now - AccessGate.InvisibleToHolderAtMost;
        var announced = now - AnnouncedAfter;
        var notices = db.Set<InvisibleDocumentNotice>();
        var invisible = db.Documents.AsNoTracking().Where(d => d.InvisibleToHolder && d.Status == DocumentStatus.Current
            && db.Records.Any(r => r.Id == d.RecordId && r.State == RecordState.Open));

        // Past a month, only the release is told: a document the job missed at 14 days is visible already.
        var awaiting = await invisible
            .Where(d => d.DepositedAt <= announced && d.DepositedAt > released
                && !notices.Any(n => n.DocumentId == d.Id && n.Kind == NotificationKind.DocumentAwaitingAnnouncement))
            .OrderBy(d => d.DepositedAt).Take(Batch)
            .Select(d => new Due(d.Id, d.RecordId, d.DepositedAt, d.InvisibleToLegalRepresentatives))
            .ToListAsync(ct);
        var visible = await invisible
            .Where(d => d.DepositedAt <= released && !notices.Any(n => n.DocumentId == d.Id && n.Kind == NotificationKind.DocumentReleased))
            .OrderBy(d => d.DepositedAt).Take(Batch)
            .Select(d => new Due(d.Id, d.RecordId, d.DepositedAt, d.InvisibleToLegalRepresentatives))
            .ToListAsync(ct);

        var done = 0;
        foreach (var document in awaiting)
        {
            done += await NoticeAsync(document, NotificationKind.DocumentAwaitingAnnouncement, now, ct) ? 1 : 0;
        }

        foreach (var document in visible)
        {
            done += await NoticeAsync(document, NotificationKind.DocumentReleased, now, ct) ? 1 : 0;
        }

        return done;
    }

    /// <summary>One document per unit of work, so that another node giving the same notice costs only that one.</summary>
    private async Task<bool> NoticeAsync(Due document, NotificationKind kind, DateTimeOffset now, CancellationToken ct)
    {
        // The job reads the document's dates and flags, and tells the holder: traced like any read (DOMAIN.md §6).
        var action = kind == NotificationKind.DocumentReleased ? TraceActions.DocumentReleased : TraceActions.AwaitingAnnouncementNoticed;
        db.Traces.Add(Trace.Of(document.RecordId, Actor.SystemJob(JobName), action, now, document.Id.ToString()));
        var notification = Notification.Create(
            document.RecordId,
            kind,
            action,
            Actor.SystemJob(JobName),
            AccessMode.Normal,
            now,
            documentId: kind == NotificationKind.DocumentReleased ? document.Id : null,
            hiddenFromLegalRepresentatives: document.Secret,
            visibleAt: document.DepositedAt + AccessGate.InvisibleToHolderAtMost);
        db.Add(notification);
        db.Add(InvisibleDocumentNotice.Of(document.Id, kind, notification));
        NotificationMail.Queue(db, notification, await NotificationMail.RecipientsAsync(db, document.RecordId, ct), options.Value.PublicBaseUrl, now);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Set<InvisibleDocumentNotice>().AnyAsync(n => n.DocumentId == document.Id && n.Kind == kind, ct))
            {
                // Another node gave this notice first: nothing more to do.
                return false;
            }

            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
