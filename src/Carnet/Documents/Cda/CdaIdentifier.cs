namespace Carnet.Documents.Cda;

/// <summary>An HL7 v3 instance identifier (II): the OID of the assigning authority and the value it assigned.</summary>
public sealed record CdaIdentifier(string Root, string? Extension);
