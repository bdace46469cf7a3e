namespace Carnet.Documents;

/// <summary>Configuration section <c>Carnet:Documents</c>: the library's limits and housekeeping.</summary>
public sealed class DocumentsOptions
{
    /// <summary>A holder's upload: at most 5,000,000 bytes (DOMAIN.md §4, product rule; not configurable).</summary>
    public const long HolderUploadLimit = 5_000_000;

    /// <summary>The largest document a professional or establishment may deposit (imaging reports…).</summary>
    public long MaxDepositBytes { get; set; } = 1L << 30;

    /// <summary>
    /// The largest FHIR request body with content inline (base64 in the JSON). Larger content is posted
    /// raw to <c>/fhir/r4/Binary</c> first and referenced, which streams.
    /// </summary>
    public long MaxInlineRequestBytes { get; set; } = 32L << 20;

    /// <summary>How long content posted on its own waits for the bundle that describes it.</summary>
    public TimeSpan StagedBinaryLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How old a blob with no metadata must be before the sweeper removes it (a deposit in flight has one briefly).</summary>
    public TimeSpan OrphanBlobAge { get; set; } = TimeSpan.FromHours(1);
}
