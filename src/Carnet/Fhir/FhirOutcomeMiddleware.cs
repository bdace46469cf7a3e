using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Carnet.Fhir;

/// <summary>Errors with no body under the FHIR endpoint (unknown route, wrong method) become OperationOutcomes too.</summary>
public static class FhirOutcomeMiddleware
{
    public static IApplicationBuilder UseFhirOutcomes(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        await next(http);
        var response = http.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && response.ContentType is null && FhirJson.IsFhir(http.Request.Path))
        {
            var status = response.StatusCode;
            var detail = status switch
            {
                StatusCodes.Status404NotFound => "Nothing is served at this address. See /fhir/r4/metadata for the resources and interactions supported.",
                StatusCodes.Status405MethodNotAllowed => "This interaction is not supported on this resource. See /fhir/r4/metadata.",
                _ => ReasonPhrases.GetReasonPhrase(status),
            };
            await FhirOutcomes.WriteAsync(http, status, status == StatusCodes.Status404NotFound ? "not_found" : "http_" + status, detail);
        }
    });
}
