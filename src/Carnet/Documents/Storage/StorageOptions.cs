namespace Carnet.Documents.Storage;

/// <summary>Configuration section <c>Carnet:Storage</c>: where document content is kept.</summary>
public sealed class StorageOptions
{
    public StorageProvider Provider { get; set; } = StorageProvider.FileSystem;

    /// <summary>The folder of the file-system store (relative paths are from the working directory).</summary>
    public string Path { get; set; } = "data/blobs";

    /// <summary>The S3 store, when <see cref="Provider"/> is <see cref="StorageProvider.S3"/>.</summary>
    public S3StorageOptions S3 { get; set; } = new();
}
