using Carnet.Documents.Storage;
using Carnet.Jobs;
using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carnet.Documents;

/// <summary>
/// Removes blobs that no metadata names: content of deposits that never committed (a crash between
/// the blob and the metadata — the write order makes that the only possible leftover), of deleted
/// documents whose blob could not be removed at once, of expired staged content, of purged records.
/// Temporary files of the file store that a killed process left behind go too.
/// A blob is only considered once older than <see cref="DocumentsOptions.OrphanBlobAge"/>, read from
/// its time-ordered key, so a deposit in flight is never touched.
/// </summary>
public sealed class SweepOrphanBlobs(CarnetDbContext db, IBlobStore store, TimeProvider clock, IOptions<DocumentsOptions> options) : IScheduledJob
{
    public const string JobName = "documents.sweep-orphan-blobs";
    private const int Batch = 500;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.StagedBinaries.Where(b => b.DocumentId == null && b.ExpiresAt <= now).ExecuteDeleteAsync(ct);

        var cutoff = now - options.Value.OrphanBlobAge;
        var removed = 0;
        var batch = new List<string>(Batch);
        await foreach (var key in store.ListAsync(ContentVault.Prefix, ct))
        {
            if (WrittenAt(key) is { } at && at < cutoff)
            {
                batch.Add(key);
                if (batch.Count == Batch)
                {
                    removed += await RemoveUnnamedAsync(batch, ct);
                    batch.Clear();
                }
            }
        }

        removed += await RemoveUnnamedAsync(batch, ct);
        if (store is FileSystemBlobStore files)
        {
            removed += await files.RemoveStaleTemporaryFilesAsync(cutoff, ct);
        }

        return removed;
    }

    private async Task<int> RemoveUnnamedAsync(List<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return 0;
        }

        var named = new HashSet<string>(StringComparer.Ordinal);
        named.UnionWith(await db.Documents.Where(d => d.Status != DocumentStatus.Deleted && keys.Contains(d.BlobKey)).Select(d => d.BlobKey).ToListAsync(ct));
        named.UnionWith(await db.Documents.Where(d => d.Status != DocumentStatus.Deleted && d.RenditionBlobKey != null && keys.Contains(d.RenditionBlobKey)).Select(d => d.RenditionBlobKey!).ToListAsync(ct));
        named.UnionWith(await db.StagedBinaries.Where(b => keys.Contains(b.BlobKey)).Select(b => b.BlobKey).ToListAsync(ct));
        var removed = 0;
        foreach (var key in keys.Where(k => !named.Contains(k)))
        {
            await store.DeleteAsync(key, ct);
            removed++;
        }

        return removed;
    }

    /// <summary>The time in a blob key's last segment (a version 7 GUID, written with the injected clock).</summary>
    internal static DateTimeOffset? WrittenAt(string key)
    {
        var slash = key.LastIndexOf('/');
        if (!Guid.TryParseExact(key[(slash + 1)..], "N", out var id) || id.Version != 7)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        long milliseconds = 0;
        for (var i = 0; i < 6; i++)
        {
            milliseconds = (milliseconds << 8) | bytes[i];
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }
}
