using Carnet.Audit;

namespace Carnet.Documents;

/// <summary>
/// One document of a record's library with its IHE XDS / MHD metadata (DOMAIN.md §4). The content is
/// a blob encrypted under the record's data key; this row names it and keeps its SHA-256, checked on
/// every read. Changes go through methods that enforce the rules (who may rename, delete, hide).
/// </summary>
public sealed class HealthDocument
{
    private HealthDocument()
    {
    }

    public Guid Id { get; private set; }

    public Guid RecordId { get; private set; }

    /// <summary>The depositor's stable unique id (XDS uniqueId): a retried deposit with it is not stored twice.</summary>
    public string MasterIdentifier { get; private set; } = "";

    public Guid? SubmissionId { get; private set; }

    /// <summary>The id of the FHIR Binary its content was posted as, when it was posted on its own (else the document's id serves).</summary>
    public Guid? BinaryId { get; private set; }

    /// <summary>The id its content is read at (<c>Binary/&lt;id&gt;</c>).</summary>
    public Guid ContentId => BinaryId ?? Id;

    public string Title { get; private set; } = "";

    /// <summary>The Mon espace santé category (mes_categories.csv).</summary>
    public string Category { get; private set; } = "";

    /// <summary>JDV_J66 type code (LOINC or TRE_A05) and its system.</summary>
    public string TypeCode { get; private set; } = "";

    public string TypeSystem { get; private set; } = "";

    /// <summary>TRE_A03 class code.</summary>
    public string ClassCode { get; private set; } = "";

    /// <summary>JDV_J60 format code, when the depositor gave one.</summary>
    public string? FormatCode { get; private set; }

    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    public byte[] Sha256 { get; private set; } = [];

    public byte[] Sha1 { get; private set; } = [];

    public string BlobKey { get; private set; } = "";

    /// <summary>A level-1 CDA's embedded document (usually a PDF), stored as its own blob.</summary>
    public string? RenditionBlobKey { get; private set; }

    public string? RenditionContentType { get; private set; }

    public long? RenditionSize { get; private set; }

    public byte[]? RenditionSha256 { get; private set; }

    /// <summary>When the care happened or the document was written (XDS creationTime / serviceStartTime).</summary>
    public DateTimeOffset? ClinicalDate { get; private set; }

    public DateTimeOffset DepositedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The author's idNat_PS (8 + RPPS), when a professional wrote it.</summary>
    public string? AuthorId { get; private set; }

    public string? AuthorName { get; private set; }

    public string? AuthorFiness { get; private set; }

    public ActorKind DepositorKind { get; private set; }

    public string DepositorId { get; private set; } = "";

    public string DepositorName { get; private set; } = "";

    /// <summary>The establishment software that deposited it, if any.</summary>
    public string? DepositorClientId { get; private set; }

    public bool HiddenFromProfessionals { get; private set; }

    public bool InvisibleToHolder { get; private set; }

    public bool InvisibleToLegalRepresentatives { get; private set; }

    public DocumentStatus Status { get; private set; }

    public Guid? ReplacesId { get; private set; }

    public Guid? ReplacedById { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public ActorKind? DeletedByKind { get; private set; }

    public Guid? FolderId { get; private set; }

    public bool Pinned { get; private set; }

    public DateTimeOffset? ReportedMisfiledAt { get; private set; }

    public int Version { get; private set; }

    public Confidentiality Confidentiality => new(HiddenFromProfessionals, InvisibleToHolder, InvisibleToLegalRepresentatives);

    /// <summary>Deposited by the holder or someone acting for them: "expression of the holder" (class 90 family), which they may edit and delete.</summary>
    public bool DepositedByHolder => DepositorKind == ActorKind.Holder;

    public static HealthDocument Deposit(Guid id, Guid recordId, DocumentMetadata metadata, StoredContent content, Actor depositor, string? clientId, DateTimeOffset at) => new()
    {
        Id = id,
        RecordId = recordId,
        MasterIdentifier = metadata.MasterIdentifier,
        Title = metadata.Title,
        Category = metadata.Category,
        TypeCode = metadata.TypeCode,
        TypeSystem = metadata.TypeSystem,
        ClassCode = metadata.ClassCode,
        FormatCode = metadata.FormatCode,
        ContentType = metadata.ContentType,
        ClinicalDate = metadata.ClinicalDate,
        AuthorId = metadata.AuthorId,
        AuthorName = metadata.AuthorName,
        AuthorFiness = metadata.AuthorFiness,
        HiddenFromProfessionals = metadata.Confidentiality.HiddenFromProfessionals,
        InvisibleToHolder = metadata.Confidentiality.InvisibleToHolder,
        InvisibleToLegalRepresentatives = metadata.Confidentiality.InvisibleToLegalRepresentatives,
        Size = content.Size,
        Sha256 = content.Sha256,
        Sha1 = content.Sha1,
        BlobKey = content.BlobKey,
        DepositorKind = depositor.Kind,
        DepositorId = depositor.Id,
        DepositorName = depositor.DisplayName,
        DepositorClientId = clientId,
        DepositedAt = at,
        UpdatedAt = at,
        Status = DocumentStatus.Current,
    };

    internal void BelongsTo(Guid submissionId) => SubmissionId = submissionId;

    internal void PostedAs(Guid binaryId) => BinaryId = binaryId;

    internal void AddRendition(string contentType, StoredContent content)
    {
        RenditionBlobKey = content.BlobKey;
        RenditionContentType = contentType;
        RenditionSize = content.Size;
        RenditionSha256 = content.Sha256;
    }

    /// <summary>This document replaces <paramref name="previous"/>, which stays retrievable as superseded.</summary>
    internal void Replace(HealthDocument previous, DateTimeOffset at)
    {
        // A new version is hidden from whoever the old one was hidden from: else it would give the old one away.
        InvisibleToLegalRepresentatives |= previous.InvisibleToLegalRepresentatives;
        HiddenFromProfessionals |= previous.HiddenFromProfessionals && !InvisibleToHolder;
        ReplacesId = previous.Id;
        previous.ReplacedById = Id;
        previous.Status = DocumentStatus.Superseded;
        previous.UpdatedAt = at;
    }

    /// <summary>Whether <paramref name="actor"/> deposited it (the professional, through any software, or the holder).</summary>
    public bool DepositedBy(Actor actor) => DepositorKind == actor.Kind && string.Equals(DepositorId, actor.Id, StringComparison.Ordinal);

    internal void Rename(string title, DateTimeOffset at)
    {
        Title = title;
        UpdatedAt = at;
    }

    internal void MoveTo(Guid? folderId, DateTimeOffset at)
    {
        FolderId = folderId;
        UpdatedAt = at;
    }

    internal void Pin(bool pinned, DateTimeOffset at)
    {
        Pinned = pinned;
        UpdatedAt = at;
    }

    internal void HideFromProfessionals(bool hidden, DateTimeOffset at)
    {
        HiddenFromProfessionals = hidden;
        UpdatedAt = at;
    }

    /// <summary>The professional told the holder in person: the document is no longer invisible to them.</summary>
    internal void Announce(DateTimeOffset at)
    {
        InvisibleToHolder = false;
        UpdatedAt = at;
    }

    internal void ReportMisfiled(DateTimeOffset at)
    {
        ReportedMisfiledAt ??= at;
        UpdatedAt = at;
    }

    /// <summary>Marks it deleted; the caller removes the content. The row stays so the holder sees who deleted it.</summary>
    internal void Delete(ActorKind by, DateTimeOffset at)
    {
        Status = DocumentStatus.Deleted;
        DeletedAt = at;
        DeletedByKind = by;
        UpdatedAt = at;
        Pinned = false;
    }
}
