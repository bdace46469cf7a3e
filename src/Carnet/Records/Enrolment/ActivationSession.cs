using Carnet.SignIn;

namespace Carnet.Records.Enrolment;

/// <summary>
/// A holder's activation in progress (DOMAIN.md §3.3): opened with NIR + Vitale serial + provisional
/// code, then both contacts confirmed, then login, password and terms. Stored, so any node can serve
/// the next step; identified by a random token of which only a hash is kept.
/// </summary>
public sealed class ActivationSession
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private ActivationSession()
    {
    }

    public Guid Id { get; private set; }

    public Guid RecordId { get; private set; }

    public byte[] TokenHash { get; private set; } = [];

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public ContactConfirmation Email { get; private set; } = new();

    public ContactConfirmation Mobile { get; private set; } = new();

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Optimistic concurrency: parallel guesses cannot get past the attempt limit.</summary>
    public int Version { get; private set; }

    public static (ActivationSession Session, string Token) Start(Guid recordId, DateTimeOffset at)
    {
        var token = Secrets.Token();
        var session = new ActivationSession
        {
            Id = Guid.CreateVersion7(at),
            RecordId = recordId,
            TokenHash = Secrets.Hash(token),
            StartedAt = at,
            ExpiresAt = at + Lifetime,
        };
        return (session, token);
    }

    public static byte[] HashOf(string token) => Secrets.Hash(token);

    public bool IsUsable(DateTimeOffset now) => CompletedAt is null && now < ExpiresAt;

    public ContactConfirmation Contact(ContactChannel channel) => channel == ContactChannel.Email ? Email : Mobile;

    /// <summary>Sends a one-time code to a contact; returns it in clear for the message.</summary>
    public string SendCode(ContactChannel channel, string address, DateTimeOffset now)
    {
        Version++;
        return Contact(channel).SendCode(address, now);
    }

    /// <summary>Checks a typed one-time code; a wrong one counts as an attempt even though it throws.</summary>
    public void Confirm(ContactChannel channel, string? code, DateTimeOffset now)
    {
        Version++;
        Contact(channel).Confirm(code, now);
    }

    public void Complete(DateTimeOffset at)
    {
        if (!Email.IsConfirmed || !Mobile.IsConfirmed)
        {
            throw new LifecycleException("contacts_not_confirmed", "Confirm your e-mail address and your mobile number with the codes we sent before choosing a login.");
        }

        CompletedAt = at;
        Version++;
    }
}
