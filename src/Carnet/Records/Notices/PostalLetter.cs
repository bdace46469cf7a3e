namespace Carnet.Records.Notices;

/// <summary>
/// A letter waiting for the print house: the notice goes by post when there is no e-mail address or
/// the e-mail bounced (CSP R1111-28). The opposition window starts when the letter batch is exported.
/// </summary>
public sealed class PostalLetter
{
    private PostalLetter()
    {
    }

    public Guid Id { get; private set; }

    public Guid RecordId { get; private set; }

    public string Purpose { get; private set; } = "";

    public string Recipient { get; private set; } = "";

    public PostalAddress Address { get; private set; } = null!;

    /// <summary>The letter text; holds a provisional code until exported, then erased.</summary>
    public string Body { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ExportedAt { get; private set; }

    public static PostalLetter Create(Guid recordId, string purpose, string recipient, PostalAddress address, string body, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        RecordId = recordId,
        Purpose = purpose,
        Recipient = recipient,
        Address = address,
        Body = body,
        CreatedAt = at,
    };

    public void Exported(DateTimeOffset at)
    {
        ExportedAt = at;
        Body = "";
    }
}
