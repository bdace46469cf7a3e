using System.Text.Json;

namespace Carnet.Bench.Seed;

/// <summary>
/// What a seed run wrote, next to the blob folder (seed-manifest.json): its parameters, from which the plan
/// (documents per record, NIRs) is recomputed, and the documents with real content. No NIR is written.
/// </summary>
public sealed record SeedManifest(int Seed, int Records, long Documents, long Traces, int BlobSize, DateTimeOffset SeededAt, IReadOnlyList<SeededBlob> Blobs)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static SeedManifest Read(string path) =>
        JsonSerializer.Deserialize<SeedManifest>(File.ReadAllText(path), Json) ?? throw new InvalidOperationException($"{path} is not a seed manifest.");

    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
    }
}
