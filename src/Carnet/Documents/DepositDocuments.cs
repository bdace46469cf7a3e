using Carnet.Access;
using Carnet.Audit;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Carnet.Documents;

/// <summary>
/// Deposits one submission of documents into a record (IHE ITI-65, a holder's upload): content first,
/// durable in the blob store, then the metadata, traces and version links in one commit. A retry is
/// recognised by its masterIdentifier (same content: the original is answered) or its Idempotency-Key
/// (the whole original submission is answered); nothing is stored twice.
/// </summary>
public sealed partial class DepositDocuments(
    CarnetDbContext db,
    AccessGate gate,
    ContentVault vault,
    CdaInspection cda,
    TimeProvider clock,
    IOptions<DocumentsOptions> options,
    ILogger<DepositDocuments> logger)
{
    /// <summary>One document; <see cref="ExpectedSha1"/> and <see cref="ExpectedSize"/> are checked when the depositor gave them (FHIR Attachment.hash and size).</summary>
    public sealed record Item(DocumentMetadata Metadata, DocumentContent Content, Guid? Replaces = null, byte[]? ExpectedSha1 = null, long? ExpectedSize = null);

    public sealed record Request(Guid RecordId, IReadOnlyList<Item> Items, string? IdempotencyKey = null, string? SourceIdentifier = null);

    public sealed record Result(Guid SubmissionId, IReadOnlyList<Outcome> Documents, bool Replayed);

    /// <summary>A document of the submission; <see cref="Created"/> is false when a retry found the original.</summary>
    public sealed record Outcome(HealthDocument Document, bool Created);

    public async Task<Result> HandleAsync(Caller caller, Request request, CancellationToken ct)
    {
        if (request.Items.Count == 0)
        {
            throw new DocumentException(DocumentException.InvalidMetadata, "The deposit holds no document: add at least one.");
        }

        if (request.Items.GroupBy(i => i.Metadata.MasterIdentifier, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new DocumentException(DocumentException.InvalidMetadata, $"Two documents of this deposit have the masterIdentifier '{twice.Key}': give each document its own.");
        }

        CheckLengths(request);
        if (!await gate.MayDepositAsync(caller, request.RecordId, ct))
        {
            throw new RecordNotFoundException("No open record was found for this patient. Check the INS; the person may have objected to or closed their record.");
        }

        var actor = caller.Actor;
        if (request.IdempotencyKey is { } key && await ReplayAsync(actor, key, request.RecordId, ct) is { } replay)
        {
            return replay;
        }

        var now = clock.GetUtcNow();
        var limit = caller.Kind == CallerKind.Holder ? DocumentsOptions.HolderUploadLimit : options.Value.MaxDepositBytes;
        var submission = DocumentSubmission.Of(request.RecordId, actor.Id, request.IdempotencyKey, request.SourceIdentifier, now);
        var written = new List<string>();
        var outcomes = new List<Outcome>();
        try
        {
            foreach (var item in request.Items)
            {
                outcomes.Add(await DepositAsync(caller, actor, request.RecordId, submission, item, limit, written, now, ct));
            }

            if (outcomes.TrueForAll(o => !o.Created))
            {
                // Every document was already there: a retry without Idempotency-Key. Answer the originals.
                await DeleteQuietlyAsync(written);
                return new Result(outcomes[0].Document.SubmissionId ?? submission.Id, outcomes, Replayed: true);
            }

            db.DocumentSubmissions.Add(submission);
            await gate.JoinCareTeamAsync(caller, request.RecordId, ct);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            await DeleteQuietlyAsync(written);
            throw new DocumentException(DocumentException.DuplicateConflict, "Another request deposited one of these documents at the same moment. Nothing of this one was kept: send it again, and the answer will be the original.");
        }
        catch
        {
            await DeleteQuietlyAsync(written);
            throw;
        }

        // Content stored for a document that turned out to be a retry is not named by anything: remove it now.
        var named = outcomes.Select(o => o.Document.BlobKey).Concat(outcomes.Select(o => o.Document.RenditionBlobKey)).ToHashSet(StringComparer.Ordinal);
        await DeleteQuietlyAsync(written.Where(w => !named.Contains(w)).ToList());
        return new Result(submission.Id, outcomes, Replayed: false);
    }

    private async Task<Outcome> DepositAsync(Caller caller, Actor actor, Guid recordId, DocumentSubmission submission, Item item, long limit, List<string> written, DateTimeOffset now, CancellationToken ct)
    {
        var metadata = item.Metadata with { Confidentiality = await gate.ImposedConfidentialityAsync(caller, recordId, item.Metadata.Confidentiality, ct) };
        StoredContent content;
        StagedBinary? staged = null;
        switch (item.Content)
        {
            case DocumentContent.Staged s:
                staged = await db.StagedBinaries.FirstOrDefaultAsync(b => b.Id == s.BinaryId && b.RecordId == recordId && b.DepositorId == actor.Id && b.ExpiresAt > now, ct)
                    ?? throw new DocumentException(DocumentException.BinaryNotFound, $"The content Binary/{s.BinaryId} was not found: it was posted for another patient or by other software, or it expired ({options.Value.StagedBinaryLifetime.TotalMinutes:0} minutes). Post it again with POST /fhir/r4/Binary.");
                content = staged.Content;
                if (staged.Size > limit)
                {
                    throw new DocumentException(DocumentException.TooLarge, $"Binary/{s.BinaryId} is larger than allowed for this deposit.");
                }

                break;
            case DocumentContent.Streamed s:
                content = await vault.StoreAsync(recordId, s.Stream, limit, ct);
                written.Add(content.BlobKey);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(item), item.Content, "Unknown kind of content.");
        }

        if (item.ExpectedSize is { } size && size != content.Size)
        {
            throw new DocumentException(DocumentException.InvalidMetadata, $"The document '{metadata.MasterIdentifier}' declares a size of {size} bytes but {content.Size} were received: send the whole content, or correct attachment.size.");
        }

        if (item.ExpectedSha1 is { } sha1 && !sha1.AsSpan().SequenceEqual(content.Sha1))
        {
            throw new DocumentException(DocumentException.InvalidMetadata, $"The content of '{metadata.MasterIdentifier}' does not match its attachment.hash (SHA-1, base64): it was altered in transit, or the hash was computed on other bytes.");
        }

        var existing = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.MasterIdentifier == metadata.MasterIdentifier, ct);
        if (existing is not null)
        {
            return existing.RecordId == recordId && existing.Sha256.AsSpan().SequenceEqual(content.Sha256)
                ? new Outcome(existing, Created: false)
                : throw new DocumentException(DocumentException.DuplicateConflict, $"The masterIdentifier '{metadata.MasterIdentifier}' was already used for a different document. A retry must send the same content; a new document needs a new masterIdentifier; a new version needs a new masterIdentifier and relatesTo 'replaces'.");
        }

        if (staged?.DocumentId is not null)
        {
            throw new DocumentException(DocumentException.BinaryNotFound, $"The content Binary/{staged.Id} already belongs to another document: post it again for this one.");
        }

        var document = HealthDocument.Deposit(Guid.CreateVersion7(now), recordId, metadata, content, actor, caller.ClientId, now);
        document.BelongsTo(submission.Id);
        if (staged is not null)
        {
            staged.ClaimedBy(document.Id);
            document.PostedAs(staged.Id);
        }

        if (CdaInspection.Applies(metadata.ContentType))
        {
            await cda.InspectAsync(document, written, ct);
        }

        if (item.Replaces is { } replacedId)
        {
            var previous = await db.Documents.FirstOrDefaultAsync(d => d.Id == replacedId && d.RecordId == recordId && d.Status != DocumentStatus.Deleted, ct);
            if (previous is null || !MayReplace(caller, actor, previous))
            {
                throw new DocumentException(DocumentException.NotYours, $"DocumentReference/{replacedId} cannot be replaced: it is not in this record, or it was not deposited by this author. Only the author of a document can deposit a new version of it.");
            }

            if (previous.Status != DocumentStatus.Current)
            {
                throw new DocumentException(DocumentException.NotCurrent, $"DocumentReference/{replacedId} was already replaced: replace its newest version instead.");
            }

            document.Replace(previous, now);
            db.Traces.Add(Trace.Of(recordId, actor, TraceActions.DocumentReplaced, now, previous.Id.ToString(), caller.Mode));
        }

        db.Documents.Add(document);
        db.Traces.Add(Trace.Of(recordId, actor, TraceActions.DocumentDeposited, now, document.Id.ToString(), caller.Mode));
        return new Outcome(document, Created: true);
    }

    private static bool MayReplace(Caller caller, Actor actor, HealthDocument previous) =>
        caller.Kind == CallerKind.Holder ? previous.DepositedByHolder : previous.DepositedBy(actor);

    /// <summary>
    /// What the depositor wrote must fit the columns that keep it. The limits are read from the model, so they are the
    /// migrations' own. Without this check, PostgreSQL refuses a value that is too long at the commit, and the catch
    /// below takes that for a concurrent deposit (409, "send it again"), so a retry fails forever; SQLite stores it whole.
    /// </summary>
    private void CheckLengths(Request request)
    {
        var submissions = db.Model.FindEntityType(typeof(DocumentSubmission))!;
        var documents = db.Model.FindEntityType(typeof(HealthDocument))!;
        Fits(submissions, nameof(DocumentSubmission.IdempotencyKey), request.IdempotencyKey, "The Idempotency-Key header");
        Fits(submissions, nameof(DocumentSubmission.SourceIdentifier), request.SourceIdentifier, "The SubmissionSet's identifier");
        foreach (var metadata in request.Items.Select(i => i.Metadata))
        {
            Fits(documents, nameof(HealthDocument.MasterIdentifier), metadata.MasterIdentifier, "The masterIdentifier");
            Fits(documents, nameof(HealthDocument.Title), metadata.Title, "The title");
            Fits(documents, nameof(HealthDocument.ContentType), metadata.ContentType, "The content type");
            Fits(documents, nameof(HealthDocument.AuthorName), metadata.AuthorName, "The author's name");
        }

        static void Fits(IEntityType entity, string property, string? value, string what)
        {
            if (value is not null && entity.FindProperty(property)!.GetMaxLength() is { } max && value.Length > max)
            {
                throw new DocumentException(DocumentException.InvalidMetadata, $"{what} has {value.Length:N0} characters; at most {max:N0} are kept. Shorten it and send the deposit again.");
            }
        }
    }

    private async Task<Result?> ReplayAsync(Actor actor, string key, Guid recordId, CancellationToken ct)
    {
        var earlier = await db.DocumentSubmissions.AsNoTracking().FirstOrDefaultAsync(s => s.DepositorId == actor.Id && s.IdempotencyKey == key, ct);
        if (earlier is null)
        {
            return null;
        }

        if (earlier.RecordId != recordId)
        {
            throw new DocumentException(DocumentException.DuplicateConflict, "This Idempotency-Key was already used for a deposit into another record: use a new key for each deposit.");
        }

        var documents = await db.Documents.AsNoTracking().Where(d => d.SubmissionId == earlier.Id).ToListAsync(ct);
        return new Result(earlier.Id, documents.OrderBy(d => d.Id).Select(d => new Outcome(d, Created: false)).ToList(), Replayed: true);
    }

    private async Task DeleteQuietlyAsync(IReadOnlyCollection<string> blobs)
    {
        foreach (var blob in blobs)
        {
            try
            {
                await vault.DeleteAsync(blob, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or HttpRequestException or UnauthorizedAccessException or Amazon.Runtime.AmazonServiceException)
            {
                // The orphan sweeper removes it later.
                LogBlobLeft(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A blob of a deposit that did not commit could not be removed now; the orphan sweeper will remove it.")]
    private static partial void LogBlobLeft(ILogger logger, Exception exception);
}
