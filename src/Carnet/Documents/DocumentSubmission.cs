namespace Carnet.Documents;

/// <summary>
/// One deposit (an IHE SubmissionSet): the documents it brought, and the depositor's Idempotency-Key
/// so that a retried request answers with the original instead of storing anything twice.
/// </summary>
public sealed class DocumentSubmission
{
    private DocumentSubmission()
    {
    }

    public Guid Id { get; private set; }

    public Guid RecordId { get; private set; }

    public string DepositorId { get; private set; } = "";

    public string? IdempotencyKey { get; private set; }

    /// <summary>The SubmissionSet's own unique id, when the depositor gave one.</summary>
    public string? SourceIdentifier { get; private set; }

    public DateTimeOffset At { get; private set; }

    internal static DocumentSubmission Of(Guid recordId, string depositorId, string? idempotencyKey, string? sourceIdentifier, DateTimeOffset at) =>
        new() { Id = Guid.CreateVersion7(at), RecordId = recordId, DepositorId = depositorId, IdempotencyKey = idempotencyKey, SourceIdentifier = sourceIdentifier, At = at };
}
