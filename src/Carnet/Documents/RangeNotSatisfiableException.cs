namespace Carnet.Documents;

/// <summary>A Range header outside the content (RFC 9110 §15.5.17: 416).</summary>
public sealed class RangeNotSatisfiableException(long size)
    : Exception($"The byte range asked for is outside the content, which has {size} bytes. Ask for a range within 0-{Math.Max(0, size - 1)}.")
{
    public long Size { get; } = size;
}
