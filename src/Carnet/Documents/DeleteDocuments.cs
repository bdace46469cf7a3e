using Carnet.Access;
using Carnet.Audit;
using Carnet.Persistence;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Documents;

/// <summary>
/// Deletes documents (DOMAIN.md §4): the holder only those deposited on their side, at most 10 at a
/// time; a professional only their own deposits, and the holder then sees that the author deleted it.
/// All or nothing. The content's blob goes right after the commit (else the orphan sweeper takes it).
/// </summary>
public sealed class DeleteDocuments(CarnetDbContext db, AccessGate gate, ContentVault vault, TimeProvider clock)
{
    public const int MaxAtOnce = 10;

    public async Task HandleAsync(Caller caller, IReadOnlyCollection<Guid> documentIds, CancellationToken ct)
    {
        var ids = documentIds.Distinct().ToList();
        if (ids.Count == 0 || ids.Count > MaxAtOnce)
        {
            throw new DocumentException(DocumentException.TooMany, $"Delete between 1 and {MaxAtOnce} documents at a time.");
        }

        var documents = await gate.ReadableDocuments(caller).Where(d => ids.Contains(d.Id) && d.Status != DocumentStatus.Deleted).ToListAsync(ct);
        if (documents.Count != ids.Count)
        {
            throw new DocumentNotFoundException();
        }

        var actor = caller.Actor;
        var refused = documents.Find(d => caller.Kind == CallerKind.Holder ? !d.DepositedByHolder : !d.DepositedBy(actor));
        if (refused is not null)
        {
            throw new DocumentException(DocumentException.NotYours, caller.Kind == CallerKind.Holder
                ? "A document deposited by a professional or the operator cannot be deleted by the holder: hide it from professionals, or ask its author to delete it."
                : "Only the author of a deposit can delete it.");
        }

        var now = clock.GetUtcNow();
        var blobs = new List<string>();
        foreach (var document in documents)
        {
            blobs.Add(document.BlobKey);
            if (document.RenditionBlobKey is { } rendition)
            {
                blobs.Add(rendition);
            }

            document.Delete(actor.Kind, now);
            db.Traces.Add(Trace.Of(document.RecordId, actor, TraceActions.DocumentDeleted, now, document.Id.ToString(), caller.Mode));
        }

        await db.SaveChangesAsync(ct);
        foreach (var blob in blobs)
        {
            try
            {
                await vault.DeleteAsync(blob, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or HttpRequestException or UnauthorizedAccessException or Amazon.Runtime.AmazonServiceException)
            {
                // The deletion is committed; a deleted document's blob is an orphan the sweeper removes.
            }
        }
    }
}
