using Carnet.Mail;
using Carnet.Persistence;
using Carnet.Records.Enrolment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carnet.Records.Notices;

/// <summary>
/// Writes to a holder (or a minor's representatives) in the caller's unit of work: by e-mail through
/// the outbox, or by letter when there is no e-mail address (CSP R1111-28).
/// </summary>
public sealed class HolderMail(CarnetDbContext db, Outbox outbox, TimeProvider clock, IOptions<RecordsOptions> options)
{
    /// <summary>Letters cost money: at most this many code letters (the notice included) in 30 days when the person asks.</summary>
    public const int MaxRequestedLettersPerMonth = 3;

    /// <summary>The information before creation, with a first provisional code.</summary>
    public void SendNotice(HealthRecord record)
    {
        var now = clock.GetUtcNow();
        record.CodeIssued(now, throttle: false);
        var (code, clear) = ProvisionalCode.Issue(record.Id, now, options.Value.ProvisionalCodeLifetime);
        db.ProvisionalCodes.Add(code);
        var forRepresentative = record.IsMinorOn(options.Value.Today(now));
        Send(record, NoticePurposes.Notice, NoticeTemplates.Notice(record, forRepresentative, clear, code.ExpiresAt, options.Value.PublicBaseUrl), byPost: false);
    }

    /// <summary>
    /// A new provisional code; earlier live codes stop working. A person may ask at most once every 30
    /// seconds (<paramref name="throttle"/>, checked under the record's version so concurrent requests
    /// cannot both pass); the fallback to post after a bounce is not throttled.
    /// </summary>
    public async Task SendNewCodeAsync(HealthRecord record, bool byPost, bool throttle, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        record.CodeIssued(now, throttle);
        if (throttle && (byPost || record.Email is null))
        {
            var since = now.AddDays(-30);
            var letters = await db.PostalLetters.CountAsync(l => l.RecordId == record.Id && l.CreatedAt >= since && l.Purpose != NoticePurposes.Information, ct);
            if (letters >= MaxRequestedLettersPerMonth)
            {
                throw new LifecycleException("too_many_letters", "Several codes were already sent to you by post this month. Wait for the letter, or call the Carnet service to update your contact details.");
            }
        }

        foreach (var live in await db.ProvisionalCodes.Where(c => c.RecordId == record.Id && c.UsedAt == null && c.SupersededAt == null).ToListAsync(ct))
        {
            live.Supersede(now);
        }

        var (code, clear) = ProvisionalCode.Issue(record.Id, now, options.Value.ProvisionalCodeLifetime);
        db.ProvisionalCodes.Add(code);
        var purpose = record.State == RecordState.AwaitingNotice ? NoticePurposes.Notice : NoticePurposes.ProvisionalCode;
        var text = purpose == NoticePurposes.Notice
            ? NoticeTemplates.Notice(record, record.IsMinorOn(options.Value.Today(now)), clear, code.ExpiresAt, options.Value.PublicBaseUrl)
            : NoticeTemplates.NewProvisionalCode(clear, code.ExpiresAt, options.Value.PublicBaseUrl);
        Send(record, purpose, text, byPost);
    }

    /// <summary>
    /// The person's contact details changed before they were informed: the unsent notice is dropped and
    /// a new one, with a new code, goes to the new contact.
    /// </summary>
    public async Task ResendNoticeAsync(HealthRecord record, CancellationToken ct)
    {
        db.OutboxMessages.RemoveRange(await db.OutboxMessages.Where(m => m.RecordId == record.Id && m.Purpose == NoticePurposes.Notice && m.Status == OutboxStatus.Pending).ToListAsync(ct));
        db.PostalLetters.RemoveRange(await db.PostalLetters.Where(l => l.RecordId == record.Id && l.Purpose == NoticePurposes.Notice && l.ExportedAt == null).ToListAsync(ct));
        await SendNewCodeAsync(record, byPost: false, throttle: false, ct);
    }

    /// <summary>
    /// The notice left (e-mail accepted, letters exported): the window starts, and the live codes are
    /// kept valid at least the window and a fortnight of postal delay, however late the sending was.
    /// </summary>
    public async Task NoticeSentAsync(HealthRecord record, DateTimeOffset at, CancellationToken ct)
    {
        record.NoticeSent(at);
        var until = at + LifecycleRules.OppositionWindow + TimeSpan.FromDays(14);
        foreach (var code in await db.ProvisionalCodes.Where(c => c.RecordId == record.Id && c.UsedAt == null && c.SupersededAt == null).ToListAsync(ct))
        {
            code.LastAtLeastUntil(until);
        }
    }

    /// <summary>Tells the holder a lifecycle step happened. Silently skipped when no contact is known.</summary>
    public void Inform(HealthRecord record, NoticeText text)
    {
        if (record.Email is null && record.Address is null)
        {
            return;
        }

        Send(record, NoticePurposes.Information, text, byPost: false);
    }

    /// <summary>Informs someone known only by e-mail (a representative).</summary>
    public void Inform(string email, Guid recordId, NoticeText text) =>
        outbox.Email(email, text.Subject, text.Body, NoticePurposes.Information, recordId);

    private void Send(HealthRecord record, string purpose, NoticeText text, bool byPost)
    {
        if (record.Email is not null && !byPost)
        {
            outbox.Email(record.Email, text.Subject, text.Body, purpose, record.Id);
            return;
        }

        if (record.Address is null)
        {
            throw new LifecycleException("no_contact", "No e-mail address or postal address is known for this person: the operator must update their contact details before a code can be sent.");
        }

        db.PostalLetters.Add(PostalLetter.Create(record.Id, purpose, record.DisplayName, record.Address, text.Subject + "\n\n" + text.Body, clock.GetUtcNow()));
    }
}
