using System.Collections.Concurrent;
using System.Security.Cryptography;
using Carnet.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Bench.Seed;

/// <summary>
/// Real content for the chosen documents, stored through Carnet's own <see cref="ContentVault"/> (the record's
/// data key created and wrapped with the master key, AES-GCM chunks, the blob durable before it is named), with
/// the store and keys a Carnet started with the same settings reads. Content: a PDF header then bytes drawn from
/// the seed, so a retrieval can be checked against the manifest's SHA-256.
/// </summary>
public static class BlobStage
{
    private const int Workers = 2;
    private const int PerScope = 100;

    public static async Task<IReadOnlyDictionary<int, StoredContent>> StoreAsync(IServiceProvider services, SeedPlan plan, DocumentLayout layout, Guid[] recordIds, int size, CancellationToken ct)
    {
        var stored = new ConcurrentDictionary<int, StoredContent>();
        var progress = new SeedProgress("blobs", layout.Blobs.Length);
        var gate = new Lock();
        var chunks = layout.Blobs.Chunk(PerScope).ToList();
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = Workers, CancellationToken = ct }, async (chunk, token) =>
        {
            // A scope per hundred blobs: the record keys it creates stay tracked by its context until then.
            await using var scope = services.CreateAsyncScope();
            var vault = scope.ServiceProvider.GetRequiredService<ContentVault>();
            foreach (var document in chunk)
            {
                var content = ContentOf(plan.Seed, document, size);
                await using var plaintext = new MemoryStream(content, writable: false);
                var result = await vault.StoreAsync(recordIds[layout.Slots[document].Record], plaintext, long.MaxValue, token);
                if (!result.Sha256.AsSpan().SequenceEqual(SHA256.HashData(content)))
                {
                    throw new InvalidOperationException("The content vault reported another SHA-256 than the content's.");
                }

                stored[document] = result;
                lock (gate)
                {
                    progress.Add();
                }
            }
        });
        progress.Stop();
        return stored;
    }

    /// <summary>The content of a seeded document: the same bytes for the same seed and document.</summary>
    public static byte[] ContentOf(int seed, int document, int size)
    {
        var content = new byte[Math.Max(size, 16)];
        new Random((int)(SeedIds.Hash(seed, document, 30) & int.MaxValue)).NextBytes(content);
        "%PDF-1.4\n"u8.CopyTo(content);
        return content;
    }
}
