namespace Carnet.Web.Portal.Shared;

/// <summary>
/// How a portal page answers "not found" while still rendering its own not-found message: the 404 is set as the
/// response starts. A 404 set while rendering would make Blazor leave the body to the status-code pages.
/// </summary>
public static class NotFoundResponse
{
    public static void SetOnStart(HttpContext http)
    {
        var response = http.Response;
        response.OnStarting(() =>
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }
}
