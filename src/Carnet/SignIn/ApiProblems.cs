using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.SignIn;

/// <summary>Writes the problem details the sign-in doors answer with, in the API's one shape (status, title, code, detail).</summary>
internal static class ApiProblems
{
    public static Task WriteAsync(HttpContext http, int status, string code, string detail)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = status switch
            {
                StatusCodes.Status401Unauthorized => "Sign-in required",
                StatusCodes.Status403Forbidden => "Forbidden",
                StatusCodes.Status404NotFound => "Not found",
                _ => "Refused",
            },
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        http.Response.StatusCode = status;

        // The same writer as the exception handler's: a refusal and an absence produce the same bytes.
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }).AsTask();
    }
}
