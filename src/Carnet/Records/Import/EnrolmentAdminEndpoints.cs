using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Carnet.Records.Import;

/// <summary>
/// The operator's API for enrolment files (as <c>carnet import</c>): the body is the file itself, read as a
/// stream whatever its size. Rejected lines come back as line, field and problem — never the values.
/// </summary>
public static class EnrolmentAdminEndpoints
{
    /// <summary>At most this many rejected lines are listed in the answer; the counts cover them all.</summary>
    public const int ListedErrors = 1000;

    public sealed record BatchResponse(Guid BatchId, ImportCounts Counts, IReadOnlyList<ImportLineError> Errors, bool ErrorsTruncated);

    public static RouteGroupBuilder MapEnrolmentAdminEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/batches", ImportAsync)
            .Accepts<Stream>("text/csv", "application/x-ndjson")
            .WithSummary("Import an enrolment file (CSV or NDJSON, docs/operator/enrolment-files.md) sent as the request body (?fileName= names it in the batch); returns the counts and the rejected lines.");
        return group;
    }

    private static async Task<Results<Created<BatchResponse>, ProblemHttpResult>> ImportAsync(HttpRequest http, string? fileName, ImportInsuredPersons handler, CancellationToken ct)
    {
        var mediaType = http.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        ImportFormat? format = mediaType switch
        {
            "text/csv" => ImportFormat.Csv,
            "application/x-ndjson" or "application/jsonl" => ImportFormat.Ndjson,
            _ => null,
        };
        if (format is null)
        {
            return TypedResults.Problem(
                detail: "Send the file with Content-Type: text/csv or application/x-ndjson.",
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported file type",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = "unsupported_media_type" });
        }

        // The import reads its stream synchronously (it serves files on disk and the bench's hot path). An
        // operator's upload is rare: blocking one thread while it streams beats a clear-text temporary copy.
        var bodyControl = http.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>();
        if (bodyControl is not null)
        {
            bodyControl.AllowSynchronousIO = true;
        }

        var errors = new List<ImportLineError>();
        var result = await handler.HandleAsync(
            new ImportInsuredPersons.Request(http.Body, format.Value, $"api: {fileName ?? "upload"} by {SignIn.Caller.From(http.HttpContext.User)?.Actor.Id}", e =>
            {
                if (errors.Count < ListedErrors)
                {
                    errors.Add(e);
                }

                return ValueTask.CompletedTask;
            }),
            ct);
        return TypedResults.Created((string?)null, new BatchResponse(result.BatchId, result.Counts, errors, result.Counts.Rejected > errors.Count));
    }
}
