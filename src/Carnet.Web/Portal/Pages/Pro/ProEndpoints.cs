using Carnet.Access;
using Carnet.Documents;
using Carnet.SignIn;

namespace Carnet.Web.Portal.Pages.Pro;

/// <summary>The professional's portal's one plain endpoint: a document's content, read in the mode of the professional's access.</summary>
public static class ProEndpoints
{
    public static IEndpointRouteBuilder MapProEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/pro/dossiers/{recordId:guid}/documents/{documentId:guid}/contenu", ContentAsync)
            .RequireAuthorization(SignInPolicies.Professional)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ContentAsync(HttpContext http, Guid recordId, Guid documentId, FindPatient patients, ReadDocument reader, CancellationToken ct)
    {
        var caller = Caller.From(http.User)!;
        if (await patients.ModeAsync(caller, recordId, ct) is not { } mode)
        {
            return Results.NotFound();
        }

        ReadDocument.Content content;
        try
        {
            content = await reader.ContentAsync(caller with { Mode = mode }, documentId, rendition: false, size => DocumentContentResult.RangeOf(http.Request, size), ct);
        }
        catch (DocumentNotFoundException)
        {
            return Results.NotFound();
        }

        if (content.Document.RecordId != recordId)
        {
            await content.DisposeAsync();
            return Results.NotFound();
        }

        return new DocumentContentResult(content);
    }
}
