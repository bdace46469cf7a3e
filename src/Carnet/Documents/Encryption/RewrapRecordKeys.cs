using Carnet.Jobs;

namespace Carnet.Documents.Encryption;

/// <summary>
/// Master key rotation, step two (ADR 10): after a new <c>Carnet:Keys:ActiveMasterKeyId</c> is set (the
/// old key kept configured), this job re-wraps the records' data keys under it, a thousand per run,
/// on any node. When it handles nothing more, the old master key can be removed. Content is never re-encrypted.
/// </summary>
public sealed class RewrapRecordKeys(RecordKeys keys) : IScheduledJob
{
    public const string JobName = "documents.rewrap-record-keys";

    public Task<int> RunAsync(CancellationToken ct) => keys.RewrapAsync(1000, ct);
}
