namespace Carnet.Documents.Storage;

/// <summary>
/// Where encrypted document content is kept: a seam with two implementations, the file system
/// (default) and S3-compatible object storage. Blobs are opaque, immutable and already encrypted;
/// the store never sees plaintext. Keys are <c>/</c>-separated paths of ASCII letters, digits, <c>-</c>, <c>_</c> and <c>.</c> (<see cref="BlobKey"/>).
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Writes a whole blob from a stream of unknown length, in constant memory. When the task
    /// completes the blob is durable (fsync'd, or acknowledged by the object store). Writing an
    /// existing key replaces it.
    /// </summary>
    Task PutAsync(string key, Stream content, CancellationToken ct);

    /// <summary>Opens a blob for reading from <paramref name="offset"/> to its end; throws <see cref="BlobNotFoundException"/> when absent.</summary>
    Task<Stream> OpenReadAsync(string key, long offset, CancellationToken ct);

    /// <summary>Deletes a blob; deleting an absent blob is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct);

    /// <summary>The keys starting with <paramref name="prefix"/> (empty: all), in no particular order, streamed.</summary>
    IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken ct);
}
