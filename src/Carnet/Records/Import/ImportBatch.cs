namespace Carnet.Records.Import;

/// <summary>One run of an enrolment import, kept for the operator's audit. Holds counts, never personal data.</summary>
public sealed class ImportBatch
{
    private ImportBatch()
    {
    }

    public Guid Id { get; private set; }

    public string Source { get; private set; } = "";

    public ImportFormat Format { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public long Lines { get; private set; }

    public long Created { get; private set; }

    public long Updated { get; private set; }

    public long Unchanged { get; private set; }

    public long Rejected { get; private set; }

    public static ImportBatch Start(string source, ImportFormat format, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        Source = source.Length <= 260 ? source : source[^260..],
        Format = format,
        StartedAt = at,
    };

    public void Complete(ImportCounts counts, DateTimeOffset at)
    {
        Lines = counts.Lines;
        Created = counts.Created;
        Updated = counts.Updated;
        Unchanged = counts.Unchanged;
        Rejected = counts.Rejected;
        CompletedAt = at;
    }
}
