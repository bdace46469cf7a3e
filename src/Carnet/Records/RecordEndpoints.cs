using Carnet.Records.Export;
using Carnet.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Carnet.Records;

/// <summary>HTTP for the records a signed-in caller may open. The route group requires the health-data policy.</summary>
public static class RecordEndpoints
{
    public sealed record LifecycleBody(string? Step);

    public static RouteGroupBuilder MapRecordEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync).WithSummary("The records the caller may open: their own and those of the people they represent.");
        group.MapGet("/{recordId:guid}", ShowAsync).WithSummary("One record's summary; not found when absent or not the caller's to open.");
        group.MapGet("/{recordId:guid}/lifecycle", LifecycleAsync).WithSummary("Where the record stands: open, closed (archived until…), deletion requested (done by…).");
        group.MapPost("/{recordId:guid}/lifecycle", ChangeLifecycleAsync)
            .WithSummary("Signed in: close the record (step close), close it and ask for deletion (close_and_delete), ask for deletion (request_deletion) or reopen it (reopen).");
        group.MapGet("/{recordId:guid}/export", ExportAsync).WithTags("Export")
            .WithSummary("Download my data: a ZIP of every document's original file and the structured data as a FHIR R4 Bundle (carnet-fhir-r4.json), streamed; traced as one export.")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip");
        return group;
    }

    private static async Task<Ok<IReadOnlyList<ShowRecords.Summary>>> ListAsync(HttpContext http, ShowRecords handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ListAsync(Caller.From(http.User)!, ct));

    private static async Task<Ok<ShowRecords.Summary>> ShowAsync(HttpContext http, Guid recordId, ShowRecords handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ShowAsync(Caller.From(http.User)!, recordId, ct));

    private static async Task<Ok<ChangeOwnRecordLifecycle.Status>> LifecycleAsync(HttpContext http, Guid recordId, ChangeOwnRecordLifecycle handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.ShowAsync(Caller.From(http.User)!, recordId, ct));

    private static async Task<Results<Ok<ChangeOwnRecordLifecycle.Status>, BadRequest<string>>> ChangeLifecycleAsync(HttpContext http, Guid recordId, LifecycleBody body, ChangeOwnRecordLifecycle handler, CancellationToken ct)
    {
        LifecycleStep? step = body.Step switch
        {
            "close" => LifecycleStep.Close,
            "close_and_delete" => LifecycleStep.CloseAndDelete,
            "request_deletion" => LifecycleStep.RequestDeletion,
            "reopen" => LifecycleStep.Reopen,
            _ => null,
        };
        if (step is null)
        {
            return TypedResults.BadRequest("step must be close, close_and_delete, request_deletion or reopen.");
        }

        return TypedResults.Ok(await handler.HandleAsync(Caller.From(http.User)!, recordId, step.Value, ct));
    }

    private static async Task<IResult> ExportAsync(HttpContext http, Guid recordId, ExportRecord handler, CancellationToken ct)
    {
        var export = await handler.StartAsync(Caller.From(http.User)!, recordId, ct);
        return new ExportResult(export);
    }

    /// <summary>Streams the ZIP as it is made: no length is known, and nothing is cached.</summary>
    private sealed class ExportResult(ExportRecord.Export export) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            // ZipArchive still writes some headers synchronously on a forward-only stream; the files themselves are copied
            // asynchronously, chunk by chunk, so this blocks only for those few bytes.
            if (httpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } body)
            {
                body.AllowSynchronousIO = true;
            }

            var response = httpContext.Response;
            response.ContentType = "application/zip";
            response.Headers.CacheControl = "no-store";
            response.Headers.ContentDisposition = $"attachment; filename=\"{export.FileName}\"";
            await export.WriteAsync(response.Body, httpContext.RequestAborted);
        }
    }
}
