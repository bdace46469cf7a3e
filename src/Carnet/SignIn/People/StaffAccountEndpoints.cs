using Carnet.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Carnet.SignIn.People;

/// <summary>The operator's API to open or re-issue the sign-in of professionals and staff (as <c>carnet accounts</c>).</summary>
public static class StaffAccountEndpoints
{
    public sealed record ProfessionalBody(string? Rpps);

    public sealed record OperatorBody(string? Login, string? Email);

    public static RouteGroupBuilder MapStaffAccountEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/professionals", (ProfessionalBody body, IssueStaffAccount handler, CancellationToken ct) =>
                IssueAsync(new IssueStaffAccount.Request(AccountKind.Professional, Professional: body.Rpps), handler, ct))
            .WithSummary("Open or re-issue a professional's sign-in; returns a first password and an authenticator key, once.");
        group.MapPost("/operators", (OperatorBody body, IssueStaffAccount handler, CancellationToken ct) =>
                IssueAsync(new IssueStaffAccount.Request(AccountKind.Operator, Login: body.Login, Email: body.Email), handler, ct))
            .WithSummary("Open or re-issue the sign-in of a member of the operator's staff.");
        return group;
    }

    private static async Task<Ok<IssueStaffAccount.Result>> IssueAsync(IssueStaffAccount.Request request, IssueStaffAccount handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(request, ct));
}
