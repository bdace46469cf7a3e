namespace Carnet.Documents.Storage;

/// <summary>Where document content is kept.</summary>
public enum StorageProvider
{
    FileSystem,
    S3,
}
