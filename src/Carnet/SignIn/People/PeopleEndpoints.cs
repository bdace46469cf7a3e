using Carnet.SignIn.Challenges;
using Carnet.SignIn.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Carnet.SignIn.People;

/// <summary>
/// HTTP for people's sign-in: password then code, sessions, password change and reset. The session is a
/// cookie (HttpOnly, Secure, SameSite=Lax); JSON bodies only, so a cross-site form cannot post here.
/// </summary>
public static class PeopleEndpoints
{
    public sealed record PasswordBody(string? Login, string? Password, SecondFactor? SendTo);

    public sealed record CodeBody(string? ChallengeToken, string? Code);

    public sealed record ResendBody(string? ChallengeToken, SecondFactor? SendTo);

    public sealed record ResetRequestBody(string? Login, SecondFactor? SendTo);

    public sealed record ResetResendBody(string? ResetToken, SecondFactor? SendTo);

    public sealed record ResetBody(string? ResetToken, string? Code, string? NewPassword);

    public sealed record ChangePasswordBody(string? CurrentPassword, string? NewPassword);

    public sealed record SignedInResponse(CallerKind Kind, string DisplayName, Guid SessionId, DateTimeOffset ExpiresAt);

    public sealed record SessionResponse(CallerKind Kind, string DisplayName, Guid? SessionId, Guid? RecordId, string? IdNatPs, IReadOnlyList<string> Methods);

    public static RouteGroupBuilder MapSignInEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/", StartAsync)
            .WithSummary("Sign in, step 1: login and password. Holders then receive a one-time code (e-mail, or SMS with sendTo=Sms); professionals and operators use their authenticator app.");
        group.MapPost("/code", ConfirmAsync)
            .WithSummary("Sign in, step 2: the one-time or authenticator code. Opens a session (cookie).");
        group.MapPost("/code/resend", (ResendBody body, ResendSignInCode handler, CancellationToken ct) =>
                ResendAsync(body.ChallengeToken, ChallengePurpose.SignIn, body.SendTo, handler, ct))
            .WithSummary("Send a new sign-in code, to the same or the other confirmed contact (at most one every 30 s).");
        return group;
    }

    public static RouteGroupBuilder MapPasswordResetEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/", RequestResetAsync)
            .WithSummary("Forgot password: sends a reset code to the holder's confirmed contact. The answer is the same whether the login exists or not.");
        group.MapPost("/code/resend", (ResetResendBody body, ResendSignInCode handler, CancellationToken ct) =>
                ResendAsync(body.ResetToken, ChallengePurpose.PasswordReset, body.SendTo, handler, ct))
            .WithSummary("Send a new reset code (at most one every 30 s).");
        group.MapPost("/confirmation", ResetAsync)
            .WithSummary("Choose a new password with the reset code. Every session ends; a lockout is lifted.");
        return group;
    }

    public static RouteGroupBuilder MapSessionEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/current", Current).WithSummary("Who is signed in with this session.");
        group.MapDelete("/current", SignOutAsync).WithSummary("Sign out: ends this session.");
        group.MapGet("/", ListAsync).WithSummary("The open sessions of the account (devices), newest first; the current one is marked.");
        group.MapDelete("/{sessionId:guid}", RevokeAsync).WithSummary("Revoke a session of the account: it is refused at its next request.");
        return group;
    }

    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder group)
    {
        group.MapPut("/password", ChangePasswordAsync).WithSummary("Change the password (the current one is required); the account's other sessions end.");
        return group;
    }

    private static async Task<Ok<StartSignIn.Result>> StartAsync(PasswordBody body, StartSignIn handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(new StartSignIn.Request(body.Login, body.Password, body.SendTo), ct));

    private static async Task<Ok<SignedInResponse>> ConfirmAsync(HttpContext http, CodeBody body, ConfirmSignIn handler, CancellationToken ct)
    {
        var session = await handler.HandleAsync(new ConfirmSignIn.Request(body.ChallengeToken, body.Code, http.Request.Headers.UserAgent.ToString()), ct);
        await http.SignInAsync(SignInSchemes.Session, session.Principal);
        return TypedResults.Ok(new SignedInResponse(session.Kind, session.DisplayName, session.SessionId, session.ExpiresAt));
    }

    private static async Task<Accepted<StartSignIn.Result>> ResendAsync(string? token, ChallengePurpose purpose, SecondFactor? sendTo, ResendSignInCode handler, CancellationToken ct) =>
        TypedResults.Accepted((string?)null, await handler.HandleAsync(new ResendSignInCode.Request(token, purpose, sendTo), ct));

    private static async Task<Accepted<RequestPasswordReset.Result>> RequestResetAsync(ResetRequestBody body, RequestPasswordReset handler, CancellationToken ct) =>
        TypedResults.Accepted((string?)null, await handler.HandleAsync(new RequestPasswordReset.Request(body.Login, body.SendTo), ct));

    private static async Task<NoContent> ResetAsync(ResetBody body, ResetPassword handler, CancellationToken ct)
    {
        await handler.HandleAsync(new ResetPassword.Request(body.ResetToken, body.Code, body.NewPassword), ct);
        return TypedResults.NoContent();
    }

    private static Ok<SessionResponse> Current(HttpContext http)
    {
        var caller = Caller.From(http.User)!;
        var methods = http.User.FindAll(CarnetClaims.Methods).Select(c => c.Value).ToList();
        return TypedResults.Ok(new SessionResponse(caller.Kind, caller.DisplayName, caller.SessionId, caller.HolderRecordId, caller.Professional?.IdNatPs, methods));
    }

    private static async Task<NoContent> SignOutAsync(HttpContext http, EndSession handler, CancellationToken ct)
    {
        var caller = Caller.From(http.User)!;
        await handler.HandleAsync(caller, new EndSession.Request(caller.SessionId!.Value, SessionEnd.SignedOut), ct);
        await http.SignOutAsync(SignInSchemes.Session);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<ListSessions.Item>>> ListAsync(HttpContext http, ListSessions handler, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(Caller.From(http.User)!, ct));

    private static async Task<NoContent> RevokeAsync(HttpContext http, Guid sessionId, EndSession handler, CancellationToken ct)
    {
        await handler.HandleAsync(Caller.From(http.User)!, new EndSession.Request(sessionId, SessionEnd.Revoked), ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ChangePasswordAsync(HttpContext http, ChangePasswordBody body, ChangePassword handler, CancellationToken ct)
    {
        await handler.HandleAsync(Caller.From(http.User)!, new ChangePassword.Request(body.CurrentPassword, body.NewPassword), ct);
        return TypedResults.NoContent();
    }
}
