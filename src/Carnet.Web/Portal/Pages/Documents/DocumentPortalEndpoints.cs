using System.Text;
using Carnet.Documents;
using Carnet.Records;
using Carnet.SignIn;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Carnet.Web.Portal.Pages.Documents;

/// <summary>
/// The two plain endpoints of the holder's document pages: a document's content (shown inline in the details page,
/// or downloaded) and the upload (a plain form post without JavaScript, or upload.js's request with progress).
/// </summary>
public static class DocumentPortalEndpoints
{
    /// <summary>The form field names the upload page and upload.js send.</summary>
    public const string FileField = "fichier";
    public const string PhotoField = "photo";
    public const string TitleField = "titre";
    public const string CategoryField = "categorie";
    public const string FolderField = "dossier";

    /// <summary>The content inline, the PDF a level-1 CDA wraps (<paramref name="rendition"/>), or a download.</summary>
    public static string ContentPath(Guid recordId, Guid documentId, bool download = false, bool rendition = false) =>
        $"/espace/{recordId}/documents/{documentId}/contenu" + (download ? "?telecharger=1" : rendition ? "?rendu=1" : "");

    public static string UploadPath(Guid recordId) => $"/espace/{recordId}/documents/envoi";

    public static IEndpointRouteBuilder MapDocumentPortalEndpoints(this IEndpointRouteBuilder app)
    {
        // Only this route may be framed, and only by the portal itself: the page's iframe shows a PDF inline
        // while every other response keeps frame-ancestors 'none' (SecurityHeaders).
        app.MapGet("/espace/{recordId:guid}/documents/{documentId:guid}/contenu", ContentAsync)
            .RequireAuthorization(SignInPolicies.Person)
            .WithMetadata(new SameOriginFraming())
            .ExcludeFromDescription();
        app.MapPost("/espace/{recordId:guid}/documents/envoi", UploadAsync)
            .RequireAuthorization(SignInPolicies.Person)
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ContentAsync(HttpContext http, Guid recordId, Guid documentId, int? telecharger, int? rendu, ReadDocument reader, CancellationToken ct)
    {
        var caller = Caller.From(http.User)!;
        ReadDocument.Content content;
        try
        {
            if (!await reader.IsInRecordAsync(caller, recordId, documentId, ct))
            {
                return Results.NotFound();
            }

            content = await reader.ContentAsync(caller, documentId, rendu == 1 && telecharger != 1, size => DocumentContentResult.RangeOf(http.Request, size), ct);
        }
        catch (DocumentNotFoundException)
        {
            return Results.NotFound();
        }

        var name = FileName(content.Document.Title) + DocumentTexts.Extension(content.ContentType);
        var disposition = new ContentDispositionHeaderValue(telecharger == 1 ? "attachment" : "inline");
        disposition.SetHttpFileName(name);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return new DocumentContentResult(content);
    }

    private static string FileName(string title)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var name = new StringBuilder(title.Length);
        foreach (var c in title)
        {
            name.Append(invalid.Contains(c) || c == '"' ? '_' : c);
        }

        return name.ToString().Trim();
    }

    /// <summary>
    /// One file from the upload page. Without JavaScript the browser posts the form and is redirected (to the new
    /// document, or back to the form with the error and what was typed); upload.js asks for JSON instead.
    /// </summary>
    private static async Task<IResult> UploadAsync(
        HttpContext http,
        Guid recordId,
        IAntiforgery antiforgery,
        DepositDocuments deposit,
        ChangeDocument change,
        TimeProvider clock,
        IStringLocalizer<DocumentTexts> texts,
        CancellationToken ct)
    {
        var caller = Caller.From(http.User)!;
        var json = http.Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // The holder's limit (DOMAIN.md §4) plus room for the form's other fields.
            limit.MaxRequestBodySize = DocumentsOptions.HolderUploadLimit + (64 * 1024);
        }

        IFormCollection form;
        try
        {
            if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
            {
                return Refused("expired", null);
            }

            form = await http.Request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refused(DocumentException.TooLarge, null);
        }

        var file = form.Files.GetFile(FileField) is { Length: > 0 } chosen ? chosen : form.Files.GetFile(PhotoField) is { Length: > 0 } photo ? photo : null;
        if (file is null)
        {
            return Refused("no_file", form);
        }

        if (file.Length > DocumentsOptions.HolderUploadLimit)
        {
            return Refused(DocumentException.TooLarge, form);
        }

        try
        {
            await using var upload = file.OpenReadStream();
            var (contentType, content) = await UploadFormats.RecogniseAsync(upload, ct);
            var fields = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["category"] = form[CategoryField].ToString(),
                ["title"] = form[TitleField].ToString().Trim(),
            };
            var metadata = DocumentEndpoints.UploadMetadata(caller, fields, file.FileName, contentType, clock);
            var result = await deposit.HandleAsync(caller, new DepositDocuments.Request(recordId, [new DepositDocuments.Item(metadata, new DocumentContent.Streamed(content))]), ct);
            var document = result.Documents[0].Document;
            var location = $"/espace/{recordId}/documents/{document.Id}?ok=ajoute";
            if (Guid.TryParse(form[FolderField], out var folderId))
            {
                try
                {
                    await change.HandleAsync(caller, document.Id, new ChangeDocument.Request(FolderId: folderId), ct);
                }
                catch (DocumentException)
                {
                    // The document is stored (acknowledged): a folder deleted meanwhile must not make it look lost and
                    // invite a second upload. It shows outside any folder; the details page can file it.
                    location = $"/espace/{recordId}/documents/{document.Id}?ok=ajoute_sans_dossier";
                }
            }

            return json ? Results.Json(new { location }) : Results.Redirect(location);
        }
        catch (DocumentException e)
        {
            return Refused(e.Code, form);
        }
        catch (RecordNotFoundException)
        {
            return Refused(DocumentException.RecordNotOpen, form);
        }

        IResult Refused(string code, IFormCollection? typed)
        {
            if (json)
            {
                return Results.Json(new { code, message = DocumentTexts.Error(texts, code) }, statusCode: StatusCodes.Status400BadRequest);
            }

            var query = new List<string> { "erreur=" + Uri.EscapeDataString(code) };
            // The category code and the folder id come back to the form; the title does not: typed by the person, it
            // may say something of their health, and an address ends up in logs.
            foreach (var field in new[] { CategoryField, FolderField })
            {
                if (typed?[field].ToString() is { Length: > 0 } value)
                {
                    query.Add($"{field}={Uri.EscapeDataString(value)}");
                }
            }

            return Results.Redirect($"/espace/{recordId}/documents/ajouter?" + string.Join('&', query));
        }
    }
}
