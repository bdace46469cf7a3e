using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Carnet.Fhir;

/// <summary>FHIR R4 JSON on the wire: <c>application/fhir+json</c>, written with System.Text.Json (no FHIR SDK is available).</summary>
public static class FhirJson
{
    public const string ContentType = "application/fhir+json";
    public const string Base = "/fhir/r4";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static bool IsFhir(PathString path) => path.StartsWithSegments(Base, StringComparison.OrdinalIgnoreCase);

    /// <summary>The absolute base of the FHIR endpoint as this request reached it (for fullUrl and links).</summary>
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{Base}";

    /// <summary>
    /// Writes into the response's pipe, whose buffers are pooled: a writer over the body stream would grow one
    /// array to the whole bundle (a search of 100 documents is ~150 KB, on the large-object heap), which
    /// profiling under load showed as gen-2 collections on every few searches (docs/performance.md).
    /// </summary>
    public static async Task WriteAsync(HttpContext http, int status, JsonObject resource)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = ContentType + "; charset=utf-8";
        var body = http.Response.BodyWriter;
        using (var writer = new Utf8JsonWriter(body))
        {
            resource.WriteTo(writer, Options);
        }

        await body.FlushAsync(http.RequestAborted);
    }

    /// <summary>A FHIR instant: UTC, seconds, "Z".</summary>
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject Coding(string system, string code, string? display = null)
    {
        var coding = new JsonObject { ["system"] = system, ["code"] = code };
        if (!string.IsNullOrEmpty(display))
        {
            coding["display"] = display;
        }

        return coding;
    }

    public static JsonObject Concept(string system, string code, string? display = null) => new() { ["coding"] = new JsonArray(Coding(system, code, display)) };
}
