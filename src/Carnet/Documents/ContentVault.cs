using System.Security.Cryptography;
using Carnet.Documents.Encryption;
using Carnet.Documents.Storage;

namespace Carnet.Documents;

/// <summary>
/// Document content at rest: encrypted under the record's data key on its way into the blob store,
/// decrypted and checked on its way out. Nothing here is ever held whole in memory.
/// </summary>
public sealed class ContentVault(IBlobStore store, RecordKeys keys, TimeProvider clock)
{
    /// <summary>Blob keys start with this, then the record, then a time-ordered id (the orphan sweeper reads the time back).</summary>
    public const string Prefix = "records/";

    /// <summary>
    /// Encrypts and stores content; when it returns, the blob is durable (write order: blob before the
    /// metadata that names it). A failed or oversized write leaves no blob.
    /// </summary>
    public async Task<StoredContent> StoreAsync(Guid recordId, Stream plaintext, long maxLength, CancellationToken ct)
    {
        var dataKey = await keys.GetOrCreateAsync(recordId, ct);
        var blobKey = $"{Prefix}{recordId:N}/{Guid.CreateVersion7(clock.GetUtcNow()):N}";
        try
        {
            await using var encrypting = new EncryptingStream(plaintext, dataKey, blobKey, maxLength);
            await store.PutAsync(blobKey, encrypting, ct);
            return new StoredContent(blobKey, encrypting.PlaintextLength, encrypting.Sha256, encrypting.Sha1);
        }
        catch
        {
            await store.DeleteAsync(blobKey, CancellationToken.None);
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>
    /// Opens stored content for reading, whole (SHA-256 checked at the end) or a byte range (each
    /// chunk's tag checked). The first chunk is already opened: damage there is reported before any answer starts.
    /// </summary>
    public async Task<Stream> OpenAsync(Guid recordId, string blobKey, long size, byte[] sha256, ByteRange? range, CancellationToken ct)
    {
        var dataKey = await keys.FindAsync(recordId, ct) ?? throw new ContentCorruptedException("the record's data key is missing");
        try
        {
            var header = new byte[BlobCipher.HeaderSize];
            DecryptingStream content;
            if (range is not { } r)
            {
                var blob = await store.OpenReadAsync(blobKey, 0, ct);
                await ReadHeaderAsync(blob, header, ct);
                content = new DecryptingStream(blob, header, dataKey, blobKey, size, 0, 0, size, sha256);
            }
            else
            {
                await using (var head = await store.OpenReadAsync(blobKey, 0, ct))
                {
                    await ReadHeaderAsync(head, header, ct);
                }

                var chunk = r.From / BlobCipher.ChunkSize;
                var blob = await store.OpenReadAsync(blobKey, BlobCipher.ChunkOffset(chunk), ct);
                content = new DecryptingStream(blob, header, dataKey, blobKey, size, chunk, (int)(r.From % BlobCipher.ChunkSize), r.Length, null);
            }

            try
            {
                await content.PrimeAsync(ct);
                return content;
            }
            catch
            {
                await content.DisposeAsync();
                throw;
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>Removes stored content (after its metadata is gone, or when a deposit did not commit).</summary>
    public Task DeleteAsync(string blobKey, CancellationToken ct) => store.DeleteAsync(blobKey, ct);

    private static async Task ReadHeaderAsync(Stream blob, byte[] header, CancellationToken ct)
    {
        try
        {
            await blob.ReadExactlyAsync(header, ct);
        }
        catch (EndOfStreamException)
        {
            await blob.DisposeAsync();
            throw new ContentCorruptedException("the stored content is shorter than its header");
        }
    }
}
