namespace Carnet.Documents;

/// <summary>What a depositor says about a document (IHE XDS DocumentEntry), already checked against the code sets.</summary>
public sealed record DocumentMetadata(
    string MasterIdentifier,
    string Title,
    string Category,
    string TypeCode,
    string TypeSystem,
    string ClassCode,
    string? FormatCode,
    string ContentType,
    DateTimeOffset? ClinicalDate,
    string? AuthorId,
    string? AuthorName,
    string? AuthorFiness,
    Confidentiality Confidentiality);
