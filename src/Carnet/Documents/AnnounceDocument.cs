using Carnet.Access;
using Carnet.Audit;
using Carnet.Persistence;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Documents;

/// <summary>
/// A professional announces a document invisible to the holder (INVISIBLE_PATIENT) after telling them in
/// person (DOMAIN.md §4): it becomes visible to the holder now instead of a month after deposit. Its author or
/// depositor may, and so may a professional in a declared role (the médecin traitant often gives the news).
/// </summary>
public sealed class AnnounceDocument(CarnetDbContext db, AccessGate gate, TimeProvider clock)
{
    public async Task<HealthDocument> HandleAsync(Caller caller, Guid documentId, CancellationToken ct)
    {
        var document = await gate.ReadableDocuments(caller).FirstOrDefaultAsync(d => d.Id == documentId && d.Status != DocumentStatus.Deleted, ct)
            ?? throw new DocumentNotFoundException();
        if (caller.Professional is not { } professional
            || !(document.DepositedBy(caller.Actor) || document.AuthorId == professional.IdNatPs || await gate.HoldsRoleAsync(professional.IdNatPs, document.RecordId, ct)))
        {
            throw new DocumentException(DocumentException.NotYours, "Only the professional who wrote or deposited this document, or one the holder declared (médecin traitant…), announces it to the holder.");
        }

        if (!document.InvisibleToHolder)
        {
            return document;
        }

        var now = clock.GetUtcNow();
        document.Announce(now);
        db.Traces.Add(Trace.Of(document.RecordId, caller.Actor, TraceActions.DocumentAnnounced, now, document.Id.ToString(), caller.Mode));
        await db.SaveChangesAsync(ct);
        return document;
    }
}
