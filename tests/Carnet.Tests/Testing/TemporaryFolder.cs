namespace Carnet.Tests.Testing;

/// <summary>A fresh folder for one test, deleted afterwards.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("carnet-test-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finishing background task: the temp folder is cleaned by the OS.
        }
    }
}
