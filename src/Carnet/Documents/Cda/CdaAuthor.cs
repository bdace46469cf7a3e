namespace Carnet.Documents.Cda;

/// <summary>
/// One <c>author/assignedAuthor</c>: its first id (for a professional, the idNat_PS under
/// 1.2.250.1.71.4.2.1), the person's names and the organisation it acts for, when the CDA gives them.
/// </summary>
public sealed record CdaAuthor(
    CdaIdentifier? Id,
    string? GivenName,
    string? FamilyName,
    string? OrganizationName,
    CdaIdentifier? OrganizationId);
