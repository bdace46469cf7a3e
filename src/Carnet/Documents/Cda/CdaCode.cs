namespace Carnet.Documents.Cda;

/// <summary>An HL7 v3 coded value (CD/CE): a code, the OID of its code system and its display name.</summary>
public sealed record CdaCode(string Code, string? CodeSystem, string? DisplayName);
