using Carnet.Access;
using Carnet.Audit;
using Carnet.Persistence;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Documents;

/// <summary>The holder reports a document filed in their record by mistake (DOMAIN.md §4); the report is kept on the document and traced.</summary>
public sealed class ReportMisfiledDocument(CarnetDbContext db, AccessGate gate, TimeProvider clock)
{
    public async Task<HealthDocument> HandleAsync(Caller caller, Guid documentId, CancellationToken ct)
    {
        var document = await gate.ReadableDocuments(caller).FirstOrDefaultAsync(d => d.Id == documentId && d.Status != DocumentStatus.Deleted, ct)
            ?? throw new DocumentNotFoundException();
        if (caller.Kind != CallerKind.Holder || document.DepositedByHolder)
        {
            throw new DocumentException(DocumentException.NotYours, "Only the holder reports a document deposited by someone else; their own documents can be deleted instead.");
        }

        var now = clock.GetUtcNow();
        document.ReportMisfiled(now);
        db.Traces.Add(Trace.Of(document.RecordId, caller.Actor, TraceActions.DocumentReported, now, document.Id.ToString(), caller.Mode));
        await db.SaveChangesAsync(ct);
        return document;
    }
}
