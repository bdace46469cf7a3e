using System.Runtime.CompilerServices;

namespace Carnet.Documents.Storage;

/// <summary>
/// Blobs as files under one folder, a key's segments being its sub-folders. A write goes to a temporary
/// <c>.tmp-*</c> file beside its target, is flushed to disk, renamed over the target and the folder flushed,
/// so a reader sees the old blob or the new one, never a part. A crash mid-write can leave a <c>.tmp-*</c>
/// file: <see cref="ListAsync"/> does not show it (so the orphan sweeper does not see it either); remove
/// such files with <see cref="RemoveStaleTemporaryFilesAsync(TimeSpan, CancellationToken)"/>. On a file system a key cannot be both a
/// blob and the folder of other keys (<c>a</c> and <c>a/b</c>): writing the second fails with an <see cref="IOException"/>.
/// </summary>
public sealed class FileSystemBlobStore(string root, TimeProvider clock) : IBlobStore
{
    // The default of Stream.CopyTo: large enough for few system calls, below the large-object heap.
    private const int BufferSize = 81920;

    private static readonly EnumerationOptions AllFiles = new()
    {
        RecurseSubdirectories = true,
        // On Unix, names starting with '.' count as hidden, and a key may be '.profile'.
        AttributesToSkip = FileAttributes.None,
        IgnoreInaccessible = false,
    };

    private readonly string _root = Path.GetFullPath(root);

    public async Task PutAsync(string key, Stream content, CancellationToken ct)
    {
        var path = PathOf(key);
        var directory = Path.GetDirectoryName(path)!;
        var created = MissingDirectories(directory);
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, BlobKey.TemporaryPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                Options = FileOptions.Asynchronous,
                // No FileStream buffer: CopyToAsync already writes in BufferSize chunks from a pooled array.
                BufferSize = 0,
            };
            await using (var file = new FileStream(temporary, options))
            {
                await content.CopyToAsync(file, BufferSize, ct);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        // The rename, and any folder created for it, are durable only once their parent folders are flushed.
        DirectorySync.Flush(directory);
        foreach (var folder in created)
        {
            DirectorySync.Flush(Path.GetDirectoryName(folder)!);
        }
    }

    public Task<Stream> OpenReadAsync(string key, long offset, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var path = PathOf(key);
        ct.ThrowIfCancellationRequested();
        try
        {
            var stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read | FileShare.Delete,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
                BufferSize = BufferSize,
            });
            stream.Position = offset;
            return Task.FromResult<Stream>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException
            || (e is UnauthorizedAccessException && Directory.Exists(path)))
        {
            // A folder of other keys is not a blob.
            throw new BlobNotFoundException(key);
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        ct.ThrowIfCancellationRequested();
        if (File.Exists(path))
        {
            File.Delete(path);
            DirectorySync.Flush(Path.GetDirectoryName(path)!);
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken ct)
    {
        BlobKey.ValidatePrefix(prefix);

        // Start at the deepest folder the prefix names, not at the root of a store holding millions of files.
        var slash = prefix.LastIndexOf('/');
        var start = slash < 0 ? _root : Path.Combine(_root, prefix[..slash]);
        if (!Directory.Exists(start))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(start, "*", AllFiles))
        {
            ct.ThrowIfCancellationRequested();
            var key = Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/');
            // Unfinished writes and files that are no blob (not a valid key) are not listed.
            if (key.StartsWith(prefix, StringComparison.Ordinal) && BlobKey.IsValid(key))
            {
                yield return key;
            }
        }
    }

    /// <summary>
    /// Deletes the <c>.tmp-*</c> files of writes a crash interrupted, last written more than
    /// <paramref name="olderThan"/> ago (keep it well above the longest upload). Returns how many were removed.
    /// </summary>
    public Task<int> RemoveStaleTemporaryFilesAsync(TimeSpan olderThan, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(olderThan, TimeSpan.Zero);
        return RemoveStaleTemporaryFilesAsync(clock.GetUtcNow() - olderThan, ct);
    }

    /// <summary>The same, for the <c>.tmp-*</c> files last written before <paramref name="writtenBefore"/> (a sweeper's cut-off).</summary>
    public Task<int> RemoveStaleTemporaryFilesAsync(DateTimeOffset writtenBefore, CancellationToken ct)
    {
        if (!Directory.Exists(_root))
        {
            return Task.FromResult(0);
        }

        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(_root, BlobKey.TemporaryPrefix + "*", AllFiles))
        {
            ct.ThrowIfCancellationRequested();
            if (File.GetLastWriteTimeUtc(file) < writtenBefore.UtcDateTime)
            {
                File.Delete(file);
                removed++;
            }
        }

        return Task.FromResult(removed);
    }

    private string PathOf(string key)
    {
        BlobKey.Validate(key);
        return Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar));
    }

    private static List<string> MissingDirectories(string directory)
    {
        var missing = new List<string>();
        for (var folder = directory; folder is not null && !Directory.Exists(folder); folder = Path.GetDirectoryName(folder))
        {
            missing.Add(folder);
        }

        return missing;
    }
}
