namespace Carnet.Documents;

/// <summary>Where a deposited document's bytes come from.</summary>
public abstract record DocumentContent
{
    private DocumentContent()
    {
    }

    /// <summary>Bytes streamed with the request (inline base64 decoded, an upload, a raw body).</summary>
    public sealed record Streamed(Stream Stream) : DocumentContent;

    /// <summary>Bytes posted before, on their own (<see cref="StagedBinary"/>).</summary>
    public sealed record Staged(Guid BinaryId) : DocumentContent;
}
