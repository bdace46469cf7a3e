namespace Carnet.Documents.Encryption;

/// <summary>Content longer than allowed for this kind of deposit; nothing of it is kept.</summary>
public sealed class ContentTooLargeException(long maxLength)
    : Exception($"The content is larger than the {maxLength:N0} bytes allowed for this deposit. Send a smaller file, or compress or split it.")
{
    public long MaxLength { get; } = maxLength;
}
