namespace Carnet.Bench.Seed;

/// <summary>
/// A seeded document with real encrypted content, as the manifest lists it for retrieval scenarios: ids, the
/// record's index in the plan (its NIR is recomputed from it, never written down), size and SHA-256 (hex).
/// </summary>
public sealed record SeededBlob(Guid Document, Guid Content, int Record, Guid RecordId, string MasterIdentifier, long Size, string Sha256);
