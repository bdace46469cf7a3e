using Carnet.Documents;
using Carnet.SignIn;
using Carnet.Terminology;

namespace Carnet.Access.Delegations;

/// <summary>
/// Files an attestation in a record at each change of delegation (DOMAIN.md §5: "each change produces
/// an attestation document"), through the ordinary deposit use case so it is encrypted, hashed and
/// traced like any document.
/// </summary>
public sealed class Attestations(DepositDocuments deposit, TimeProvider clock)
{
    /// <summary>
    /// LOINC 59284-0 "Attestation de consentement" (JDV_J66, class "Document de gestion"): designating a
    /// caregiver or a co-representative is the holder's (or representative's) consent to someone acting on the record.
    /// </summary>
    public const string TypeCode = "59284-0";

    public const string AuthorName = "Carnet";

    /// <summary>
    /// Deposits the attestation in the caller's unit of work. The deposit is made in the record holder's
    /// name (a holder caller on their own record): the gate has no system depositor yet. The author is Carnet.
    /// </summary>
    public async Task FileAsync(Guid recordId, string title, IReadOnlyList<string> lines, CancellationToken ct)
    {
        if (!CodeSets.DocumentTypes.TryGet(TypeCode, out var type))
        {
            throw new InvalidOperationException($"The document type {TypeCode} is missing from the code sets.");
        }

        var now = clock.GetUtcNow();
        var metadata = new DocumentMetadata(
            "urn:uuid:" + Guid.CreateVersion7(now),
            Titles.Check(title),
            type.Category,
            type.Code,
            type.System,
            type.ClassCode,
            null,
            "application/pdf",
            now,
            null,
            AuthorName,
            null,
            Confidentiality.None);
        var system = new Caller(CallerKind.Holder, AuthorName, HolderRecordId: recordId);
        var pdf = AttestationPdf.Of(title, lines);
        await deposit.HandleAsync(system, new DepositDocuments.Request(recordId, [new DepositDocuments.Item(metadata, new DocumentContent.Streamed(new MemoryStream(pdf)))]), ct);
    }
}
