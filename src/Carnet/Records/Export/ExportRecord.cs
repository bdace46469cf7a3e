using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Carnet.Access;
using Carnet.Audit;
using Carnet.Documents;
using Carnet.Fhir;
using Carnet.Identifiers;
using Carnet.Persistence;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Records.Export;

/// <summary>
/// "Download my data" (DOMAIN.md §8): a ZIP with the original file of every document the caller sees in the
/// record and the structured data as one FHIR R4 Bundle (Patient, a DocumentReference per document pointing at
/// its file in the ZIP, an AuditEvent per trace of the access history). The holder, or a legal representative,
/// asks; the whole export is traced once. Files are streamed one after the other, never held in memory.
/// </summary>
public sealed class ExportRecord(CarnetDbContext db, AccessGate gate, ContentVault vault, TimeProvider clock)
{
    public const string BundleEntry = "carnet-fhir-r4.json";
    public const string DocumentsFolder = "documents/";

    /// <summary>An export ready to be written: the record and its documents are known to be the caller's to take.</summary>
    public sealed class Export(ExportRecord owner, Caller caller, HealthRecord record, IReadOnlyList<HealthDocument> documents, DateTimeOffset at)
    {
        public string FileName => $"carnet-{record.FamilyName.ToLowerInvariant()}-{at.UtcDateTime:yyyy-MM-dd}.zip";

        public int DocumentCount => documents.Count;

        /// <summary>Writes the ZIP to <paramref name="output"/> (a response body: written forward only).</summary>
        public Task WriteAsync(Stream output, CancellationToken ct) => owner.WriteAsync(caller, record, documents, at, output, ct);
    }

    /// <summary>Checks the caller may export this record, lists what goes in, and traces the export.</summary>
    /// <exception cref="RecordNotFoundException">Absent, or not the caller's to export (the same answer).</exception>
    public async Task<Export> StartAsync(Caller caller, Guid recordId, CancellationToken ct)
    {
        var record = await gate.ManageableRecords(caller).AsNoTracking()
            .Where(r => r.Id == recordId && r.State != RecordState.Purged)
            .SingleOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException(HealthDataRefusals.NotFound);

        // Readable for this caller, minus tombstones: a deleted document has no content to give.
        var documents = await gate.ReadableDocuments(caller).AsNoTracking()
            .Where(d => d.RecordId == recordId && d.Status != DocumentStatus.Deleted)
            .OrderBy(d => d.DepositedAt).ThenBy(d => d.Id)
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        db.Traces.Add(Trace.Of(recordId, caller.Actor, TraceActions.RecordExported, now, mode: caller.Mode));
        await db.SaveChangesAsync(ct);
        return new Export(this, caller, record, documents, now);
    }

    /// <summary>The name of a document's file inside the ZIP: its id (unique) and an extension from its type.</summary>
    public static string FileOf(HealthDocument document) => DocumentsFolder + document.Id + Extension(document.ContentType);

    private async Task WriteAsync(Caller caller, HealthRecord record, IReadOnlyList<HealthDocument> documents, DateTimeOffset at, Stream output, CancellationToken ct)
    {
        await using var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct);
        foreach (var document in documents)
        {
            var entry = zip.CreateEntry(FileOf(document), CompressionLevel.Fastest);
            entry.LastWriteTime = document.DepositedAt;
            await using var target = await entry.OpenAsync(ct);

            // The vault decrypts chunk by chunk and checks the SHA-256: damaged content stops the export rather than
            // putting wrong bytes in it.
            await using var content = await vault.OpenAsync(document.RecordId, document.BlobKey, document.Size, document.Sha256, null, ct);
            await content.CopyToAsync(target, 81_920, ct);
        }

        var bundleEntry = zip.CreateEntry(BundleEntry, CompressionLevel.Optimal);
        bundleEntry.LastWriteTime = at;
        await using (var json = await bundleEntry.OpenAsync(ct))
        {
            await WriteBundleAsync(caller, record, documents, at, json, ct);
        }
    }

    private async Task WriteBundleAsync(Caller caller, HealthRecord record, IReadOnlyList<HealthDocument> documents, DateTimeOffset at, Stream output, CancellationToken ct)
    {
        var ins = record.Ins;
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("resourceType", "Bundle");
        writer.WriteString("id", Guid.CreateVersion7(at).ToString());
        writer.WriteString("type", "collection");
        writer.WriteString("timestamp", FhirJson.Instant(at));
        writer.WriteStartArray("entry");
        var patientId = record.Id.ToString();
        Entry(writer, "urn:uuid:" + patientId, Patient(record, ins));
        foreach (var document in documents)
        {
            var resource = DocumentReferenceResource.Of(document, ins, "");
            resource["subject"] = new JsonObject { ["reference"] = "urn:uuid:" + patientId, ["identifier"] = new JsonObject { ["system"] = ins.System, ["value"] = ins.Nir.Value } };

            // In the ZIP, the content is the file beside this JSON (a relative URL), not the server's Binary.
            var contents = new JsonArray();
            var attachment = resource["content"]![0]!["attachment"]!.AsObject();
            attachment["url"] = FileOf(document);
            contents.Add(new JsonObject { ["attachment"] = attachment.DeepClone() });
            resource["content"] = contents;
            Entry(writer, "urn:uuid:" + document.Id, resource);
        }

        await writer.FlushAsync(ct);
        var traces = (await gate.ReadableTracesAsync(caller, record.Id, ct)).AsNoTracking()
            .OrderByDescending(t => t.At).ThenByDescending(t => t.Id)
            .Select(t => new { t.Id, t.At, t.ActorKind, t.ActorName, t.Action, t.Target, t.AccessMode })
            .AsAsyncEnumerable();
        var written = 0;
        await foreach (var t in traces.WithCancellation(ct))
        {
            var entry = new ShowAccessHistory.Entry(t.Id, t.At, t.ActorKind, ActorGroups.Of(t.ActorKind), t.ActorName, t.Action, t.Target, t.AccessMode);
            var resource = AuditEventResource.Of(entry, ins);
            resource["id"] = t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Entry(writer, $"urn:carnet:trace:{t.Id}", resource);
            if (++written % 200 == 0)
            {
                await writer.FlushAsync(ct);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(ct);
    }

    private static void Entry(Utf8JsonWriter writer, string fullUrl, JsonObject resource)
    {
        writer.WriteStartObject();
        writer.WriteString("fullUrl", fullUrl);
        writer.WritePropertyName("resource");
        resource.WriteTo(writer);
        writer.WriteEndObject();
    }

    private static JsonObject Patient(HealthRecord record, Ins ins)
    {
        var patient = new JsonObject
        {
            ["resourceType"] = "Patient",
            ["id"] = record.Id.ToString(),
            ["identifier"] = new JsonArray(new JsonObject { ["use"] = "official", ["system"] = ins.System, ["value"] = ins.Nir.Value }),
            ["name"] = new JsonArray(new JsonObject
            {
                ["use"] = "official",
                ["family"] = record.FamilyName,
                ["given"] = new JsonArray([.. record.GivenNames.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(g => (JsonNode)g)]),
            }),
            ["birthDate"] = record.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };

        // The NIR's first digit: 1 male, 2 female (DOMAIN.md §2); anything else is not stated.
        patient["gender"] = record.Nir.SexDigit switch { '1' => "male", '2' => "female", _ => "unknown" };
        var telecom = new JsonArray();
        if (record.Email is { } email)
        {
            telecom.Add(new JsonObject { ["system"] = "email", ["value"] = email });
        }

        if (record.Mobile is { } mobile)
        {
            telecom.Add(new JsonObject { ["system"] = "phone", ["value"] = mobile, ["use"] = "mobile" });
        }

        if (telecom.Count > 0)
        {
            patient["telecom"] = telecom;
        }

        return patient;
    }

    private static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/tiff" => ".tiff",
        "text/plain" => ".txt",
        "application/rtf" or "text/rtf" => ".rtf",
        "text/xml" or "application/xml" or "application/hl7-v3+xml" => ".xml",
        _ => ".bin",
    };
}
