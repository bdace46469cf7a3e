using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace Carnet.Documents.Storage;

/// <summary>
/// Blobs as files under <see cref="StorageOptions.Path"/>: written to a temporary file, flushed to
/// disk, then renamed into place, so a blob is either whole or absent, even after a crash.
/// </summary>
public sealed class FileSystemBlobStore(IOptions<StorageOptions> options) : IBlobStore
{
    private const string TemporaryPrefix = ".tmp-";
    private readonly string _root = Path.GetFullPath(options.Value.Path);

    public async Task PutAsync(string key, Stream content, CancellationToken ct)
    {
        var path = PathOf(key);
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, TemporaryPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, 81920, ct);
                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public Task<Stream> OpenReadAsync(string key, long offset, CancellationToken ct)
    {
        try
        {
            var file = new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            file.Position = offset;
            return Task.FromResult<Stream>(file);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BlobNotFoundException(key);
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken ct)
    {
        if (!Directory.Exists(_root))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
        {
            ct.ThrowIfCancellationRequested();
            if (Path.GetFileName(file).StartsWith(TemporaryPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var key = Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return key;
            }
        }

        await Task.CompletedTask;
    }

    /// <summary>
    /// Removes temporary files last written before <paramref name="writtenBefore"/>: what a process
    /// killed in the middle of a write leaves (never a blob: a blob only appears by its final rename).
    /// </summary>
    public Task<int> RemoveStaleTemporaryFilesAsync(DateTimeOffset writtenBefore, CancellationToken ct)
    {
        var removed = 0;
        if (Directory.Exists(_root))
        {
            foreach (var file in Directory.EnumerateFiles(_root, TemporaryPrefix + "*", SearchOption.AllDirectories))
            {
                ct.ThrowIfCancellationRequested();
                if (File.GetLastWriteTimeUtc(file) < writtenBefore.UtcDateTime)
                {
                    File.Delete(file);
                    removed++;
                }
            }
        }

        return Task.FromResult(removed);
    }

    private string PathOf(string key)
    {
        if (key.Length == 0 || key.Contains("..", StringComparison.Ordinal) || key.StartsWith('/') || key.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '.' or '_')))
        {
            throw new ArgumentException($"'{key}' is not a valid blob key: use letters, digits, '-', '_', '.' and '/' separators, without '..'.", nameof(key));
        }

        return Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar));
    }
}
