using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Carnet.Fhir;

/// <summary>
/// Every error of the FHIR endpoint is an OperationOutcome (FHIR R4 §3.1.0.4), with the same stable
/// code and the same message saying what to do next as the REST API's problem details.
/// </summary>
public static class FhirOutcomes
{
    /// <summary>The system of Carnet's stable error codes in <c>issue.details</c>.</summary>
    public const string CodeSystem = "urn:carnet:error-code";

    public static JsonObject Of(int status, string code, string detail, string severity = "error") => new()
    {
        ["resourceType"] = "OperationOutcome",
        ["issue"] = new JsonArray(new JsonObject
        {
            ["severity"] = severity,
            ["code"] = IssueType(status),
            ["details"] = new JsonObject { ["coding"] = new JsonArray(FhirJson.Coding(CodeSystem, code)), ["text"] = detail },
            ["diagnostics"] = detail,
        }),
    };

    public static Task WriteAsync(HttpContext http, int status, string code, string detail) => FhirJson.WriteAsync(http, status, Of(status, code, detail));

    /// <summary>FHIR IssueType (http://hl7.org/fhir/issue-type) for an HTTP status.</summary>
    private static string IssueType(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "login",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound or StatusCodes.Status410Gone => "not-found",
        StatusCodes.Status405MethodNotAllowed or StatusCodes.Status415UnsupportedMediaType or StatusCodes.Status416RangeNotSatisfiable => "not-supported",
        StatusCodes.Status409Conflict => "conflict",
        StatusCodes.Status413PayloadTooLarge => "too-long",
        StatusCodes.Status422UnprocessableEntity => "business-rule",
        StatusCodes.Status429TooManyRequests => "throttled",
        >= 500 => "exception",
        _ => "invalid",
    };
}
