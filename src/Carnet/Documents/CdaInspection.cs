using System.IO.Pipelines;
using Carnet.Documents.Cda;
using Carnet.Identifiers;
using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carnet.Documents;

/// <summary>
/// A deposited CDA R2 document is read before it is accepted (DOMAIN.md §4): its header must name the
/// record's patient by INS (identity vigilance), and a level-1 CDA's embedded document (usually a PDF)
/// is extracted as it is read and stored as its own encrypted blob, so it can be retrieved directly.
/// One streaming pass over the stored content; nothing is held whole.
/// </summary>
public sealed class CdaInspection(ContentVault vault, CarnetDbContext db, IOptions<InsOptions> ins)
{
    private static readonly string[] CdaMediaTypes = ["text/xml", "application/xml", "application/hl7-cda+xml", "application/hl7-v3+xml", "application/x-hl7-cda-level-one+xml"];

    /// <summary>Whether content of this MIME type is read as CDA (the XML types: the DMP takes no other XML).</summary>
    public static bool Applies(string contentType) => CdaMediaTypes.Contains(contentType.Split(';')[0].Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Checks the CDA's patient against the record and extracts a level-1 body.</summary>
    /// <param name="document">The document being deposited (not yet saved).</param>
    /// <param name="written">Blobs written by this deposit: the embedded document's is added, and removed if the deposit fails.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task InspectAsync(HealthDocument document, ICollection<string> written, CancellationToken ct)
    {
        var record = await db.Records.AsNoTracking().Where(r => r.Id == document.RecordId).Select(r => new { r.Nir, r.InsAuthority }).SingleAsync(ct);
        var pipe = new Pipe();
        var embedded = vault.StoreAsync(document.RecordId, pipe.Reader.AsStream(), document.Size, ct);
        CdaHeader header;
        try
        {
            await using var xml = await vault.OpenAsync(document.RecordId, document.BlobKey, document.Size, document.Sha256, null, ct);
            await using var sink = pipe.Writer.AsStream();
            header = await CdaReader.ReadAsync(xml, sink, ct);
        }
        catch (Exception e)
        {
            await pipe.Writer.CompleteAsync(e);
            await Task.WhenAny(embedded);
            throw e is CdaFormatException ? new DocumentException(DocumentException.InvalidCda, e.Message) : e;
        }

        var stored = await embedded;
        written.Add(stored.BlobKey);
        if (header.PatientIns(ins.Value.AllowTestAuthorities) is var patient && (patient.Nir != record.Nir || patient.Authority != record.InsAuthority))
        {
            throw new DocumentException(DocumentException.PatientMismatch, "The CDA names another patient than the record it was sent to (recordTarget/patientRole/id differs from the INS of the deposit). Nothing was stored: check the patient's identity, then send it to the right record.");
        }

        if (header.Body == CdaBody.Level1NonXml && header.EmbeddedMediaType is { } mediaType)
        {
            document.AddRendition(mediaType, stored);
        }
    }
}
