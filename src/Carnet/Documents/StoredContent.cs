namespace Carnet.Documents;

/// <summary>What was stored: the blob's key, and the plaintext's size and hashes.</summary>
public sealed record StoredContent(string BlobKey, long Size, byte[] Sha256, byte[] Sha1);
