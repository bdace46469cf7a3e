using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Carnet.Documents.Storage;

/// <summary>
/// Makes a directory's entries durable, so a renamed-in file survives a power loss (fsync(2) on the directory,
/// as POSIX requires after rename(2)). .NET cannot open a directory as a file, hence open(2) directly.
/// Linux only: Windows (NTFS) journals metadata and offers no directory flush, and on macOS fsync does not
/// reach the disk anyway (F_FULLFSYNC); there this is a no-op.
/// </summary>
internal static class DirectorySync
{
    // O_RDONLY | O_CLOEXEC (same value on x86-64 and arm64 Linux): the descriptor must not leak into child processes.
    private const int OpenFlags = 0x80000;

    public static void Flush(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // A NUL-terminated UTF-8 path: open(2) takes bytes, and the runtime need not marshal a string.
        var descriptor = Open(Encoding.UTF8.GetBytes(directory + "\0"), OpenFlags);
        if (descriptor < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"Could not open the directory '{directory}' to flush it to disk (errno {errno}).");
        }

        using var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        RandomAccess.FlushToDisk(handle);
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open(byte[] path, int flags);
}
