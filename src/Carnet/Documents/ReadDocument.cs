using Carnet.Access;
using Carnet.Audit;
using Carnet.Documents.Encryption;
using Carnet.Documents.Storage;
using Carnet.Persistence;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Carnet.Documents;

/// <summary>
/// One document for a caller who may see it: its metadata (traced as viewed), or its content (IHE
/// ITI-68, traced as retrieved), whole or a byte range, decrypted and checked. Damaged content is
/// never served: it is traced and logged (ids only) and reported as an error.
/// </summary>
public sealed partial class ReadDocument(CarnetDbContext db, AccessGate gate, ContentVault vault, TimeProvider clock, ILogger<ReadDocument> logger)
{
    /// <summary>Content ready to send. <see cref="Range"/> is set for a partial answer.</summary>
    public sealed record Content(HealthDocument Document, Stream Stream, string ContentType, long TotalSize, byte[] Sha256, ByteRange? Range) : IAsyncDisposable
    {
        public long Length => Range?.Length ?? TotalSize;

        public ValueTask DisposeAsync() => Stream.DisposeAsync();
    }

    /// <summary>Whether the caller sees this document in this record (not traced: nothing is read).</summary>
    public Task<bool> IsInRecordAsync(Caller caller, Guid recordId, Guid documentId, CancellationToken ct) =>
        gate.ReadableDocuments(caller).AnyAsync(d => d.Id == documentId && d.RecordId == recordId, ct);

    public async Task<HealthDocument> MetadataAsync(Caller caller, Guid documentId, CancellationToken ct)
    {
        var document = await gate.ReadableDocuments(caller).AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, ct)
            ?? throw new DocumentNotFoundException();
        db.Traces.Add(Trace.Of(document.RecordId, caller.Actor, TraceActions.DocumentViewed, clock.GetUtcNow(), document.Id.ToString(), caller.Mode));
        await db.SaveChangesAsync(ct);
        return document;
    }

    /// <summary>Opens the content (or a range of it) for sending.</summary>
    /// <param name="caller">Who reads.</param>
    /// <param name="documentId">The document, or the Binary its content was posted as.</param>
    /// <param name="rendition">The embedded document of a level-1 CDA instead of the CDA itself.</param>
    /// <param name="range">Given the content's size, the byte range asked for (null: all of it).</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<Content> ContentAsync(Caller caller, Guid documentId, bool rendition, Func<long, ByteRange?> range, CancellationToken ct)
    {
        var document = await gate.ReadableDocuments(caller).AsNoTracking().FirstOrDefaultAsync(d => (d.Id == documentId || d.BinaryId == documentId) && d.Status != DocumentStatus.Deleted, ct)
            ?? throw new DocumentNotFoundException();
        var (blobKey, contentType, size, sha256) = rendition
            ? (document.RenditionBlobKey ?? throw new DocumentNotFoundException(), document.RenditionContentType!, document.RenditionSize ?? 0, document.RenditionSha256!)
            : (document.BlobKey, document.ContentType, document.Size, document.Sha256);
        var asked = range(size);
        Stream stream;
        try
        {
            stream = await vault.OpenAsync(document.RecordId, blobKey, size, sha256, asked, ct);
        }
        catch (Exception e) when (e is ContentCorruptedException or BlobNotFoundException)
        {
            await ReportDamageAsync(caller, document, e, ct);
            throw new ContentCorruptedException("it could not be read");
        }

        db.Traces.Add(Trace.Of(document.RecordId, caller.Actor, TraceActions.DocumentRetrieved, clock.GetUtcNow(), document.Id.ToString(), caller.Mode));
        await db.SaveChangesAsync(ct);
        return new Content(document, new DamageReporting(stream, e => ReportDamageAsync(caller, document, e, CancellationToken.None)), contentType, size, sha256, asked);
    }

    /// <summary>Traces and logs damaged content found while it was being sent.</summary>
    private async Task ReportDamageAsync(Caller caller, HealthDocument document, Exception damage, CancellationToken ct)
    {
        LogDamaged(logger, document.Id, document.RecordId, damage.Message);
        db.ChangeTracker.Clear();
        db.Traces.Add(Trace.Of(document.RecordId, caller.Actor, TraceActions.DocumentCorrupted, clock.GetUtcNow(), document.Id.ToString(), caller.Mode));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Damage found after the answer started (a later chunk) is traced and logged too, then passed on.</summary>
    private sealed class DamageReporting(Stream inner, Func<ContentCorruptedException, Task> report) : ReadOnlyStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.ReadAsync(buffer, cancellationToken);
            }
            catch (ContentCorruptedException e)
            {
                await report(e);
                throw;
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            await base.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Stored content of document {DocumentId} (record {RecordId}) failed its integrity check and was not served: {Problem}")]
    private static partial void LogDamaged(ILogger logger, Guid documentId, Guid recordId, string problem);
}
