using Carnet.Mail;
using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Notifications;

/// <summary>
/// Who receives a record's notifications by e-mail, and the queuing of those e-mails in the caller's
/// unit of work (through the outbox, so none is lost and none leaves for a change that did not commit).
/// Recipients are the accounts with access to the record — the holder's and the representatives' —
/// at their confirmed address, each with their own preferences; a holder without an account yet (record
/// created automatically, not activated) is written to at the record's contact address.
/// </summary>
internal static class NotificationMail
{
    public const string Purpose = "notification";

    /// <summary>An address to write to; <paramref name="Confirmed"/> is false for the record's imported contact (for a minor, often a parent's).</summary>
    public sealed record Recipient(string Email, bool Own, bool Confirmed, IReadOnlyCollection<NotificationKind> Off);

    /// <summary>
    /// Two queries at most in the usual cases: the accounts with their confirmed addresses, then their
    /// preferences (or, for a holder without an account yet, the record's contact address).
    /// </summary>
    public static async Task<IReadOnlyList<Recipient>> RecipientsAsync(CarnetDbContext db, Guid recordId, CancellationToken ct)
    {
        var accounts = await db.Users.AsNoTracking()
            .Where(a => a.HolderRecordId != null && a.Email != null && a.EmailConfirmed
                && (a.HolderRecordId == recordId
                    || db.Representations.Any(p => p.RecordId == recordId && p.EndedAt == null
                        && db.Records.Any(h => h.Id == a.HolderRecordId && h.Nir == p.RepresentativeNir))))
            .Select(a => new { a.Id, a.Email, Own = a.HolderRecordId == recordId })
            .ToListAsync(ct);
        var off = accounts.Count == 0
            ? []
            : await db.NotificationPreferences.AsNoTracking()
                .Where(p => p.RecordId == recordId && !p.Email)
                .Select(p => new { p.AccountId, p.Kind })
                .ToListAsync(ct);
        var recipients = accounts
            .Select(a => new Recipient(a.Email!, a.Own, Confirmed: true, [.. off.Where(p => p.AccountId == a.Id).Select(p => p.Kind)]))
            .ToList();
        if (!recipients.Any(r => r.Own)
            && await db.Records.AsNoTracking().Where(r => r.Id == recordId).Select(r => r.Email).SingleOrDefaultAsync(ct) is { } contact)
        {
            recipients.Add(new Recipient(contact, Own: true, Confirmed: false, []));
        }

        return recipients;
    }

    /// <summary>
    /// Queues the notification's e-mail for each recipient who wants this kind (once per address). One
    /// about a minor's secret goes only to the minor's own confirmed address.
    /// </summary>
    public static void Queue(CarnetDbContext db, Notification notification, IReadOnlyList<Recipient> recipients, Uri portal, DateTimeOffset at)
    {
        var (subject, body) = NotificationTexts.Email(notification, portal);
        var addresses = recipients
            .Where(r => !r.Off.Contains(notification.Kind) && (!notification.HiddenFromLegalRepresentatives || (r.Own && r.Confirmed)))
            .Select(r => r.Email)
            .Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var address in addresses)
        {
            db.OutboxMessages.Add(OutboxMessage.Create(OutboxChannel.Email, address, subject, body, Purpose, notification.RecordId, at));
        }
    }
}
