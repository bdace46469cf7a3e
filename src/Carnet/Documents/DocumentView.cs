using Carnet.Audit;
using Carnet.Terminology;

namespace Carnet.Documents;

/// <summary>A document as the REST API and the portal show it: metadata and what the holder may do with it, never the content.</summary>
public sealed record DocumentView(
    Guid Id,
    Guid RecordId,
    string Title,
    string Category,
    string CategoryLabel,
    string TypeCode,
    string TypeLabel,
    string ClassCode,
    string ContentType,
    long Size,
    string Sha256,
    DateTimeOffset? ClinicalDate,
    DateTimeOffset DepositedAt,
    string? AuthorName,
    ActorKind DepositorKind,
    string DepositorName,
    bool DepositedByHolder,
    IReadOnlyList<string> Confidentiality,
    DocumentStatus Status,
    Guid? ReplacesId,
    Guid? ReplacedById,
    DateTimeOffset? DeletedAt,
    bool DeletedByAuthor,
    Guid? FolderId,
    bool Pinned,
    bool ReportedMisfiled,
    string? EmbeddedContentType)
{
    public static DocumentView Of(HealthDocument d)
    {
        var types = CodeSets.DocumentTypes;
        return new DocumentView(
            d.Id,
            d.RecordId,
            d.Title,
            d.Category,
            types.TryGetCategory(d.Category, out var category) ? category.Display : d.Category,
            d.TypeCode,
            types.TryGet(d.TypeCode, out var type) ? type.Display : d.TypeCode,
            d.ClassCode,
            d.ContentType,
            d.Size,
            Convert.ToHexStringLower(d.Sha256),
            d.ClinicalDate,
            d.DepositedAt,
            d.AuthorName,
            d.DepositorKind,
            d.DepositorName,
            d.DepositedByHolder,
            d.Confidentiality.Codes(),
            d.Status,
            d.ReplacesId,
            d.ReplacedById,
            d.DeletedAt,
            d.Status == DocumentStatus.Deleted && d.DeletedByKind is { } by && by != ActorKind.Holder,
            d.FolderId,
            d.Pinned,
            d.ReportedMisfiledAt is not null,
            d.RenditionContentType);
    }
}
