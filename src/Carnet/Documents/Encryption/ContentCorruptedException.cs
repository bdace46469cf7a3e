namespace Carnet.Documents.Encryption;

/// <summary>
/// Stored content failed its integrity check (an authentication tag or the SHA-256 of the whole):
/// Carnet never serves such bytes. The message names no health data.
/// </summary>
public sealed class ContentCorruptedException(string what, Exception? innerException = null)
    : Exception($"The stored content is damaged ({what}). It was not served. The operator has been alerted through the logs; restore the blob from backup.", innerException);
