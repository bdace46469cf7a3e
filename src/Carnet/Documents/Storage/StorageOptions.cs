namespace Carnet.Documents.Storage;

/// <summary>Configuration section <c>Carnet:Storage</c>. The blob store itself arrives with the document library (issue #4).</summary>
public sealed class StorageOptions
{
    public StorageProvider Provider { get; set; } = StorageProvider.FileSystem;

    /// <summary>The folder of the file-system store (relative paths are from the working directory).</summary>
    public string Path { get; set; } = "data/blobs";
}
