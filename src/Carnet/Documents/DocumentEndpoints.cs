using Carnet.SignIn;
using Carnet.Terminology;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Carnet.Documents;

/// <summary>
/// The REST API of a record's library, for the portal and apps: search, upload, read, retrieve,
/// arrange, delete, report; folders. Mapped under <c>/api/records/{recordId}</c>, behind the health-data policy.
/// </summary>
public static class DocumentEndpoints
{
    public static RouteGroupBuilder MapDocumentEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/documents", FindAsync).WithSummary("The record's documents the caller may see, newest first; filters and text search in titles and folder names.");
        group.MapPost("/documents", UploadAsync).WithSummary("Upload a document (multipart/form-data: category, title, then the file last). Holder: at most 5,000,000 bytes; PDF, JPEG, PNG, TIFF, RTF or plain text, recognised by content.");
        group.MapPost("/documents/delete", DeleteManyAsync).WithSummary("Delete up to 10 of one's own documents at once.");
        group.MapGet("/documents/{documentId:guid}", ShowAsync).WithSummary("One document's metadata.");
        group.MapGet("/documents/{documentId:guid}/content", ContentAsync).WithSummary("The document's bytes (ETag = SHA-256; Range supported). ?embedded=true gives a level-1 CDA's embedded PDF.");
        group.MapPatch("/documents/{documentId:guid}", ChangeAsync).WithSummary("Rename (own documents), file in a folder, pin, hide from professionals.");
        group.MapDelete("/documents/{documentId:guid}", DeleteAsync).WithSummary("Delete one's own document (the holder's own uploads; a professional's own deposit).");
        group.MapPost("/documents/{documentId:guid}/report", ReportAsync).WithSummary("Report a document filed in this record by mistake.");
        group.MapPost("/documents/{documentId:guid}/announcement", AnnounceAsync).WithSummary("A professional who told the holder in person makes a document invisible to the holder (INVISIBLE_PATIENT) visible now.");
        group.MapGet("/folders", ListFoldersAsync).WithSummary("The holder's folders.");
        group.MapPost("/folders", CreateFolderAsync).WithSummary("Create a folder.");
        group.MapPatch("/folders/{folderId:guid}", RenameFolderAsync).WithSummary("Rename a folder.");
        group.MapDelete("/folders/{folderId:guid}", DeleteFolderAsync).WithSummary("Delete a folder; its documents stay, out of any folder.");
        return group;
    }

    public sealed record DocumentPage(IReadOnlyList<DocumentView> Items, int Total, int Page, int PageSize, bool HasMore);

    public sealed record DocumentChange(string? Title, Guid? FolderId, bool? RemoveFromFolder, bool? Pinned, bool? HiddenFromProfessionals);

    public sealed record DocumentSelection(IReadOnlyList<Guid> DocumentIds);

    public sealed record FolderName(string Name);

    private static Caller CallerOf(HttpContext http) => Caller.From(http.User)!;

    private static async Task<Ok<DocumentPage>> FindAsync(
        HttpContext http,
        Guid recordId,
        FindDocuments handler,
        string? q,
        string? category,
        string? type,
        DateTimeOffset? from,
        DateTimeOffset? before,
        Guid? folder,
        DocumentStatus? status,
        int? page,
        int? pageSize,
        CancellationToken ct)
    {
        var size = Math.Clamp(pageSize ?? 20, 1, FindDocuments.MaxPageSize);
        var number = Math.Max(1, page ?? 1);
        var query = new FindDocuments.Query(
            RecordId: recordId,
            Statuses: status is { } s ? [s] : null,
            Category: category,
            TypeCode: type,
            From: from,
            Before: before,
            Text: q,
            FolderId: folder,
            Offset: (number - 1) * size,
            Count: size);
        var result = await handler.HandleAsync(CallerOf(http), query, ct);
        return TypedResults.Ok(new DocumentPage(result.Items.Select(DocumentView.Of).ToList(), result.Total, number, size, result.HasMore));
    }

    private static async Task<IResult> UploadAsync(HttpContext http, Guid recordId, DepositDocuments handler, CancellationToken ct)
    {
        var caller = CallerOf(http);
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType) || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw new DocumentException(DocumentException.UnsupportedFormat, "Send the document as multipart/form-data with the fields category and title, then the file last.");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit && caller.Kind == CallerKind.Holder)
        {
            limit.MaxRequestBodySize = DocumentsOptions.HolderUploadLimit + (64 * 1024);
        }

        var reader = new MultipartReader(boundary, http.Request.Body);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || disposition.Name.Value is not { } name)
            {
                continue;
            }

            if (!disposition.IsFileDisposition())
            {
                using var text = new StreamReader(section.Body);
                var value = await text.ReadToEndAsync(ct);
                fields[name.Trim('"')] = value.Length > 1024 ? value[..1024] : value;
                continue;
            }

            var (contentType, content) = await UploadFormats.RecogniseAsync(section.Body, ct);
            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
            var metadata = UploadMetadata(caller, fields, fileName, contentType, http.RequestServices.GetRequiredService<TimeProvider>());
            var result = await handler.HandleAsync(caller, new DepositDocuments.Request(recordId, [new DepositDocuments.Item(metadata, new DocumentContent.Streamed(content))], http.Request.Headers["Idempotency-Key"].FirstOrDefault()), ct);
            var document = result.Documents[0].Document;
            return TypedResults.Created($"/api/records/{recordId}/documents/{document.Id}", DocumentView.Of(document));
        }

        throw new DocumentException(DocumentException.InvalidMetadata, "No file was found in the form: add the file as the last part.");
    }

    /// <summary>The metadata of an upload from its form fields (category, title; typeCode and confidentiality for a professional): the REST API's and the portal's.</summary>
    public static DocumentMetadata UploadMetadata(Caller caller, IReadOnlyDictionary<string, string> fields, string? fileName, string contentType, TimeProvider clock)
    {
        var types = CodeSets.DocumentTypes;
        DocumentType type;
        if (caller.Kind == CallerKind.Holder)
        {
            var category = fields.GetValueOrDefault("category") is { Length: > 0 } c ? c : "AUTR_DOC";
            type = (types.TryGetCategory(category, out _) ? types.HolderTypeFor(category) : null)
                ?? throw new DocumentException(DocumentException.InvalidMetadata, $"'{category}' is not a category a holder can file into. Use one of: {string.Join(", ", types.Categories.Where(k => types.HolderTypeFor(k.Code) is not null).Select(k => k.Code))}.");
        }
        else if (!types.TryGet(fields.GetValueOrDefault("typeCode"), out type))
        {
            throw new DocumentException(DocumentException.InvalidMetadata, "A professional's upload needs typeCode, a JDV_J66 document type (for example 11488-4 for a consultation report).");
        }

        var title = fields.GetValueOrDefault("title") is { Length: > 0 } t ? t : Path.GetFileNameWithoutExtension(fileName) is { Length: > 0 } f ? f : type.Display;
        var now = clock.GetUtcNow();
        var author = caller.Professional;
        return new DocumentMetadata(
            "urn:uuid:" + Guid.CreateVersion7(now),
            Titles.Check(title),
            type.Category,
            type.Code,
            type.System,
            type.ClassCode,
            null,
            contentType,
            now,
            author?.IdNatPs,
            author?.DisplayName,
            caller.Finess,
            caller.Kind == CallerKind.Holder ? Confidentiality.None : Confidentiality.FromCodes(fields.GetValueOrDefault("confidentiality")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []));
    }

    private static async Task<Ok<DocumentView>> ShowAsync(HttpContext http, Guid recordId, Guid documentId, ReadDocument handler, CancellationToken ct)
    {
        var document = await handler.MetadataAsync(CallerOf(http), documentId, ct);
        return document.RecordId == recordId ? TypedResults.Ok(DocumentView.Of(document)) : throw new DocumentNotFoundException();
    }

    private static async Task<IResult> ContentAsync(HttpContext http, Guid recordId, Guid documentId, bool? embedded, ReadDocument handler, CancellationToken ct)
    {
        var caller = CallerOf(http);
        var content = await handler.ContentAsync(caller, documentId, embedded == true, size => DocumentContentResult.RangeOf(http.Request, size), ct);
        if (content.Document.RecordId != recordId)
        {
            await content.DisposeAsync();
            throw new DocumentNotFoundException();
        }

        return new DocumentContentResult(content);
    }

    private static async Task<Ok<DocumentView>> ChangeAsync(HttpContext http, Guid recordId, Guid documentId, DocumentChange change, ChangeDocument handler, ReadDocument reader, CancellationToken ct)
    {
        var caller = CallerOf(http);
        await RequireInRecordAsync(caller, recordId, documentId, reader, ct);
        var document = await handler.HandleAsync(caller, documentId, new ChangeDocument.Request(change.Title, change.FolderId, change.RemoveFromFolder ?? false, change.Pinned, change.HiddenFromProfessionals), ct);
        return TypedResults.Ok(DocumentView.Of(document));
    }

    private static async Task<NoContent> DeleteAsync(HttpContext http, Guid recordId, Guid documentId, DeleteDocuments handler, ReadDocument reader, CancellationToken ct)
    {
        var caller = CallerOf(http);
        await RequireInRecordAsync(caller, recordId, documentId, reader, ct);
        await handler.HandleAsync(caller, [documentId], ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> DeleteManyAsync(HttpContext http, Guid recordId, DocumentSelection ids, DeleteDocuments handler, ReadDocument reader, CancellationToken ct)
    {
        var caller = CallerOf(http);
        foreach (var id in ids.DocumentIds.Take(DeleteDocuments.MaxAtOnce + 1))
        {
            await RequireInRecordAsync(caller, recordId, id, reader, ct);
        }

        await handler.HandleAsync(caller, ids.DocumentIds, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<DocumentView>> AnnounceAsync(HttpContext http, Guid recordId, Guid documentId, AnnounceDocument handler, ReadDocument reader, CancellationToken ct)
    {
        var caller = CallerOf(http);
        await RequireInRecordAsync(caller, recordId, documentId, reader, ct);
        return TypedResults.Ok(DocumentView.Of(await handler.HandleAsync(caller, documentId, ct)));
    }

    private static async Task<Ok<DocumentView>> ReportAsync(HttpContext http, Guid recordId, Guid documentId, ReportMisfiledDocument handler, ReadDocument reader, CancellationToken ct)
    {
        var caller = CallerOf(http);
        await RequireInRecordAsync(caller, recordId, documentId, reader, ct);
        return TypedResults.Ok(DocumentView.Of(await handler.HandleAsync(caller, documentId, ct)));
    }

    private static async Task<Ok<IReadOnlyList<ManageFolders.Folder>>> ListFoldersAsync(HttpContext http, Guid recordId, ManageFolders handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ListAsync(CallerOf(http), recordId, ct));

    private static async Task<Created<ManageFolders.Folder>> CreateFolderAsync(HttpContext http, Guid recordId, FolderName body, ManageFolders handler, CancellationToken ct)
    {
        var folder = await handler.CreateAsync(CallerOf(http), recordId, body.Name, ct);
        return TypedResults.Created($"/api/records/{recordId}/folders/{folder.Id}", folder);
    }

    private static async Task<NoContent> RenameFolderAsync(HttpContext http, Guid recordId, Guid folderId, FolderName body, ManageFolders handler, CancellationToken ct)
    {
        await handler.RenameAsync(CallerOf(http), recordId, folderId, body.Name, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> DeleteFolderAsync(HttpContext http, Guid recordId, Guid folderId, ManageFolders handler, CancellationToken ct)
    {
        await handler.DeleteAsync(CallerOf(http), recordId, folderId, ct);
        return TypedResults.NoContent();
    }

    /// <summary>A document addressed under another record's path is "not found", like any document the caller may not see.</summary>
    private static async Task RequireInRecordAsync(Caller caller, Guid recordId, Guid documentId, ReadDocument reader, CancellationToken ct)
    {
        if (!await reader.IsInRecordAsync(caller, recordId, documentId, ct))
        {
            throw new DocumentNotFoundException();
        }
    }
}
