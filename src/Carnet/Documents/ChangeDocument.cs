using Carnet.Access;
using Carnet.Audit;
using Carnet.Persistence;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Documents;

/// <summary>
/// The holder (or a representative) arranges their library: rename their own documents, file any
/// document in a folder, pin it, hide it from professionals (DOMAIN.md §4). Unset fields stay as they are.
/// </summary>
public sealed class ChangeDocument(CarnetDbContext db, AccessGate gate, TimeProvider clock)
{
    public const int MaxTitleLength = 256;

    public sealed record Request(string? Title = null, Guid? FolderId = null, bool RemoveFromFolder = false, bool? Pinned = null, bool? HiddenFromProfessionals = null);

    public async Task<HealthDocument> HandleAsync(Caller caller, Guid documentId, Request request, CancellationToken ct)
    {
        var document = await gate.ReadableDocuments(caller).FirstOrDefaultAsync(d => d.Id == documentId && d.Status != DocumentStatus.Deleted, ct)
            ?? throw new DocumentNotFoundException();
        if (caller.Kind != CallerKind.Holder)
        {
            throw new DocumentException(DocumentException.NotYours, "Only the holder arranges their library (title, folder, pin, hiding). A professional deposits a new version instead.");
        }

        var now = clock.GetUtcNow();
        if (request.Title is { } title)
        {
            if (!document.DepositedByHolder)
            {
                throw new DocumentException(DocumentException.NotYours, "This document was deposited by a professional or the operator: only its author can change it. Ask them, or file it in a folder of yours.");
            }

            document.Rename(Titles.Check(title), now);
        }

        if (request.RemoveFromFolder)
        {
            document.MoveTo(null, now);
        }
        else if (request.FolderId is { } folderId)
        {
            if (!await db.DocumentFolders.AnyAsync(f => f.Id == folderId && f.RecordId == document.RecordId, ct))
            {
                throw new DocumentException(DocumentException.FolderNotFound, "This folder does not exist in this record: create it first, or choose another.");
            }

            document.MoveTo(folderId, now);
        }

        if (request.Pinned is { } pinned)
        {
            document.Pin(pinned, now);
        }

        if (request.HiddenFromProfessionals is { } hidden)
        {
            if (!await gate.ManageableRecords(caller).AnyAsync(r => r.Id == document.RecordId, ct))
            {
                throw new DocumentException(DocumentException.NotYours, "Hiding a document from professionals is the holder's choice (or a legal representative's): a caregiver cannot change it. Ask the person you help.");
            }

            document.HideFromProfessionals(hidden, now);
        }

        db.Traces.Add(Trace.Of(document.RecordId, caller.Actor, TraceActions.DocumentChanged, now, document.Id.ToString(), caller.Mode));
        await db.SaveChangesAsync(ct);
        return document;
    }
}
