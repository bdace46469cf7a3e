namespace Carnet.Documents;

/// <summary>
/// Content posted on its own (<c>POST /fhir/r4/Binary</c>) before the bundle that describes it: stored
/// encrypted under the target record's key, owned by its depositor, and given to the first deposit
/// that names it. Unclaimed ones expire and their blobs are swept.
/// </summary>
public sealed class StagedBinary
{
    private StagedBinary()
    {
    }

    public Guid Id { get; private set; }

    public Guid RecordId { get; private set; }

    public string DepositorId { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public string BlobKey { get; private set; } = "";

    public long Size { get; private set; }

    public byte[] Sha256 { get; private set; } = [];

    public byte[] Sha1 { get; private set; } = [];

    public DateTimeOffset StagedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>The document it became, once claimed.</summary>
    public Guid? DocumentId { get; private set; }

    public StoredContent Content => new(BlobKey, Size, Sha256, Sha1);

    internal static StagedBinary Of(Guid recordId, string depositorId, string contentType, StoredContent content, DateTimeOffset at, TimeSpan lifetime) => new()
    {
        Id = Guid.CreateVersion7(at),
        RecordId = recordId,
        DepositorId = depositorId,
        ContentType = contentType,
        BlobKey = content.BlobKey,
        Size = content.Size,
        Sha256 = content.Sha256,
        Sha1 = content.Sha1,
        StagedAt = at,
        ExpiresAt = at + lifetime,
    };

    internal void ClaimedBy(Guid documentId) => DocumentId = documentId;
}
