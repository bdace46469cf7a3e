using Carnet.Access;
using Carnet.Audit;
using Carnet.Persistence;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Documents;

/// <summary>The holder's folders: list, create, rename, delete (their documents stay, out of any folder).</summary>
public sealed class ManageFolders(CarnetDbContext db, AccessGate gate, TimeProvider clock)
{
    public const int MaxNameLength = 100;

    public sealed record Folder(Guid Id, string Name, int Documents);

    public async Task<IReadOnlyList<Folder>> ListAsync(Caller caller, Guid recordId, CancellationToken ct)
    {
        await RequireHolderAsync(caller, recordId, ct);
        var visible = gate.ReadableDocuments(caller).Where(d => d.Status != DocumentStatus.Deleted);
        return await db.DocumentFolders.AsNoTracking().Where(f => f.RecordId == recordId).OrderBy(f => f.Name)
            .Select(f => new Folder(f.Id, f.Name, visible.Count(d => d.FolderId == f.Id)))
            .ToListAsync(ct);
    }

    public async Task<Folder> CreateAsync(Caller caller, Guid recordId, string name, CancellationToken ct)
    {
        await RequireHolderAsync(caller, recordId, ct);
        var folder = DocumentFolder.Create(recordId, Titles.Check(name, MaxNameLength), clock.GetUtcNow());
        db.DocumentFolders.Add(folder);
        Trace(caller, recordId, folder.Id);
        await db.SaveChangesAsync(ct);
        return new Folder(folder.Id, folder.Name, 0);
    }

    public async Task RenameAsync(Caller caller, Guid recordId, Guid folderId, string name, CancellationToken ct)
    {
        await RequireHolderAsync(caller, recordId, ct);
        var folder = await db.DocumentFolders.FirstOrDefaultAsync(f => f.Id == folderId && f.RecordId == recordId, ct)
            ?? throw new DocumentException(DocumentException.FolderNotFound, "This folder does not exist in this record: reload the list of folders.");
        folder.Rename(Titles.Check(name, MaxNameLength));
        Trace(caller, recordId, folder.Id);
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(Caller caller, Guid recordId, Guid folderId, CancellationToken ct)
    {
        await RequireHolderAsync(caller, recordId, ct);
        var folder = await db.DocumentFolders.FirstOrDefaultAsync(f => f.Id == folderId && f.RecordId == recordId, ct)
            ?? throw new DocumentException(DocumentException.FolderNotFound, "This folder does not exist in this record: reload the list of folders.");
        await db.Documents.Where(d => d.RecordId == recordId && d.FolderId == folderId).ExecuteUpdateAsync(s => s.SetProperty(d => d.FolderId, (Guid?)null), ct);
        db.DocumentFolders.Remove(folder);
        Trace(caller, recordId, folder.Id);
        await db.SaveChangesAsync(ct);
    }

    private async Task RequireHolderAsync(Caller caller, Guid recordId, CancellationToken ct)
    {
        if (caller.Kind != CallerKind.Holder || !await gate.ReadableRecords(caller).AnyAsync(r => r.Id == recordId, ct))
        {
            throw new Records.RecordNotFoundException();
        }
    }

    private void Trace(Caller caller, Guid recordId, Guid folderId) =>
        db.Traces.Add(Audit.Trace.Of(recordId, caller.Actor, TraceActions.FoldersChanged, clock.GetUtcNow(), folderId.ToString(), caller.Mode));
}
