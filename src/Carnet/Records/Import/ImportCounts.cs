namespace Carnet.Records.Import;

/// <summary>Running totals of an import; also its progress report.</summary>
public sealed record ImportCounts(long Lines, long Created, long Updated, long Unchanged, long Rejected);
