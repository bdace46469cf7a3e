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
    /// <summary>The information before creation, with a first provisional code.</summary>
    public void SendNotice(HealthRecord record, bool byPost = false)
    {
        var now = clock.GetUtcNow();
        var (code, clear) = ProvisionalCode.Issue(record.Id, now, options.Value.ProvisionalCodeLifetime);
        db.ProvisionalCodes.Add(code);
        var forRepresentative = record.IsMinorOn(options.Value.Today(now));
        Send(record, NoticePurposes.Notice, NoticeTemplates.Notice(record, forRepresentative, clear, code.ExpiresAt, options.Value.PublicBaseUrl), byPost);
    }

    /// <summary>
    /// A new provisional code; earlier live codes stop working. A person may ask at most once every 30
    /// seconds (<paramref name="throttle"/>); the fallback to post after a bounce is not throttled.
    /// </summary>
    public async Task SendNewCodeAsync(HealthRecord record, bool byPost, bool throttle, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var codes = await db.ProvisionalCodes.Where(c => c.RecordId == record.Id && c.UsedAt == null && c.SupersededAt == null).ToListAsync(ct);
        var lastIssued = await db.ProvisionalCodes.Where(c => c.RecordId == record.Id).MaxAsync(c => (DateTimeOffset?)c.IssuedAt, ct);
        if (throttle && lastIssued is { } last && now - last < LifecycleRules.ProvisionalCodeResendInterval)
        {
            var wait = (int)Math.Ceiling((LifecycleRules.ProvisionalCodeResendInterval - (now - last)).TotalSeconds);
            throw new LifecycleException("code_requested_too_soon", $"A code was sent less than 30 seconds ago. Wait {wait} s before asking for a new one.");
        }

        foreach (var live in codes)
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
