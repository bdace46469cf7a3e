using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Http;

/// <summary>Writes the problem details the sign-in doors answer with, in the API's one shape (status, title, code, detail).</summary>
internal static class ApiProblems
{
    public static Task WriteAsync(HttpContext http, int status, string code, string detail)
    {
        if (Fhir.FhirJson.IsFhir(http.Request.Path))
        {
            return Fhir.FhirOutcomes.WriteAsync(http, status, code, detail);
        }

        var problem = DomainProblems.Problem(status, code, detail);
        http.Response.StatusCode = status;

        // The same writer as the exception handler's: a refusal and an absence produce the same bytes.
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }).AsTask();
    }
}
