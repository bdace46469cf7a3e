using Carnet.Identifiers;
using Carnet.Mail;
using Carnet.Persistence;
using Carnet.Records.Notices;

namespace Carnet.Records.Enrolment;

/// <summary>Activation: sends a one-time code to the e-mail address or mobile number the person gives.</summary>
public sealed class SendContactCode(CarnetDbContext db, ActivationSessions sessions, Outbox outbox, TimeProvider clock)
{
    public sealed record Request(string? ActivationToken, ContactChannel Channel, string? Address);

    public async Task HandleAsync(Request request, CancellationToken ct)
    {
        var session = await sessions.FindAsync(request.ActivationToken, ct);
        var now = clock.GetUtcNow();
        if (request.Channel == ContactChannel.Email)
        {
            if (!ContactDetails.TryNormaliseEmail(request.Address, out var email))
            {
                throw new IdentifierException("email", "is not a valid e-mail address (expected name@domain.tld).");
            }

            var code = session.SendCode(ContactChannel.Email, email, now);
            var text = NoticeTemplates.ContactCode(code);
            outbox.Email(email, text.Subject, text.Body, NoticePurposes.ContactCode, session.RecordId);
        }
        else
        {
            if (!ContactDetails.TryNormaliseMobile(request.Address, out var mobile))
            {
                throw new IdentifierException("mobile", "is not a phone number: use 06 12 34 56 78 or the international form +33612345678.");
            }

            var code = session.SendCode(ContactChannel.Mobile, mobile, now);
            outbox.Sms(mobile, NoticeTemplates.ContactCodeSms(code), NoticePurposes.ContactCode, session.RecordId);
        }

        await db.SaveChangesAsync(ct);
    }
}
