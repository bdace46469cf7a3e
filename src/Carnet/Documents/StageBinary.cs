using Carnet.Access;
using Carnet.Audit;
using Carnet.Identifiers;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;
using Microsoft.Extensions.Options;

namespace Carnet.Documents;

/// <summary>
/// Content posted raw before the bundle that describes it (FHIR <c>POST Binary</c> with
/// <c>X-Security-Context</c> naming the patient): streamed, encrypted under the patient's record key,
/// kept for the depositor until a deposit claims it or it expires. This is how large documents travel.
/// </summary>
public sealed class StageBinary(CarnetDbContext db, AccessGate gate, ContentVault vault, TimeProvider clock, IOptions<DocumentsOptions> options)
{
    public async Task<StagedBinary> HandleAsync(Caller caller, Ins patient, string contentType, Stream content, CancellationToken ct)
    {
        if (caller.Kind is not (CallerKind.Professional or CallerKind.Establishment))
        {
            throw new DocumentException(DocumentException.NotYours, "Content is posted on its own by professionals' software; a holder uploads a document in one request.");
        }

        var recordId = await gate.DepositTargetAsync(caller, patient, ct)
            ?? throw new RecordNotFoundException("No open record was found for this patient. Check the INS; the person may have objected to or closed their record.");
        var stored = await vault.StoreAsync(recordId, content, options.Value.MaxDepositBytes, ct);
        var now = clock.GetUtcNow();
        var staged = StagedBinary.Of(recordId, caller.Actor.Id, contentType, stored, now, options.Value.StagedBinaryLifetime);
        db.StagedBinaries.Add(staged);
        db.Traces.Add(Trace.Of(recordId, caller.Actor, TraceActions.BinaryStaged, now, staged.Id.ToString(), caller.Mode));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await vault.DeleteAsync(stored.BlobKey, CancellationToken.None);
            throw;
        }

        return staged;
    }
}
