using System.Globalization;
using System.Security.Cryptography;

namespace Carnet.Mail;

/// <summary>
/// A folder development sinks drop one file per message into. Each file is written under a hidden
/// temporary name and renamed when complete, so a watcher never reads half a message.
/// </summary>
internal sealed class DropFolder(string directory, string settingName)
{
    /// <summary>Sortable by time: <c>20260105T090000.000Z-1a2b3c4d</c>; the suffix separates messages of the same millisecond.</summary>
    public static string NewFileStem(DateTimeOffset instant) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{instant.ToUniversalTime():yyyyMMdd'T'HHmmss'.'fff'Z'}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}");

    /// <summary>Writes the file and returns its full path.</summary>
    /// <exception cref="MailDeliveryException">The folder cannot be written to (transient: fixing the folder is enough).</exception>
    public async Task<string> WriteAsync(string fileName, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var folder = Path.GetFullPath(directory);
        var path = Path.Combine(folder, fileName);
        var temporary = Path.Combine(folder, "." + fileName + ".tmp");
        try
        {
            Directory.CreateDirectory(folder);
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 4096, useAsync: true))
            {
                await stream.WriteAsync(content, ct);
            }

            // A rename inside one folder is atomic: the file appears whole or not at all.
            File.Move(temporary, path, overwrite: false);
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new MailDeliveryException(
                $"Could not write to {folder} ({e.GetType().Name}); check {settingName} and that the folder is writable. The message will be retried.",
                isPermanent: false,
                e);
        }
        catch (OperationCanceledException)
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover hidden .tmp file is harmless, it is never picked up.
        }
    }
}
