namespace Carnet.Documents.Storage;

/// <summary>A blob the metadata names is missing from the store: reported as damaged content, never as wrong bytes.</summary>
public sealed class BlobNotFoundException(string key)
    : Exception($"The stored content '{key}' is missing from the blob store. Check the storage configuration (Carnet:Storage) and restore it from backup.")
{
    public string Key { get; } = key;
}
