using Carnet.Records.Credentials;
using Carnet.Records.Enrolment;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Carnet.Records;

/// <summary>
/// HTTP for the steps a person takes before having an account: ask for a code, object, change their
/// mind, close, ask for deletion, and activate. Each proves identity with NIR + Vitale serial + code.
/// </summary>
public static class EnrolmentEndpoints
{
    public const string ActivationTokenHeader = "Activation-Token";

    public sealed record IdentityBody(string? Nir, string? VitaleSerial);

    public sealed record ProofBody(string? Nir, string? VitaleSerial, string? ProvisionalCode);

    public sealed record ClosureBody(string? Nir, string? VitaleSerial, string? ProvisionalCode, bool DeleteData);

    public sealed record StateResponse(string State);

    public sealed record EmailBody(string? Email);

    public sealed record MobileBody(string? Mobile);

    public sealed record CodeBody(string? Code);

    public sealed record CredentialsBody(string? Login, string? Password);

    public sealed record CompletionBody(string? Login, string? Password, bool AcceptTerms);

    public sealed record CredentialCheckResponse(bool Valid, IReadOnlyList<CredentialProblem> Problems);

    public sealed record ActivatedResponse(string Login);

    public static RouteGroupBuilder MapEnrolmentEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/provisional-codes", RequestCodeAsync)
            .WithSummary("Send a new provisional code to the contact details on file (at most one every 30 s).");
        group.MapPost("/opposition", (ProofBody body, HolderLifecycleRequest handler, CancellationToken ct) => StepAsync(body, LifecycleStep.ObjectToCreation, handler, ct))
            .WithSummary("Object to the creation of one's record during the six-week window.");
        group.MapPost("/reopening", (ProofBody body, HolderLifecycleRequest handler, CancellationToken ct) => StepAsync(body, LifecycleStep.Reopen, handler, ct))
            .WithSummary("Change one's mind: reopen an objected or closed record (restoring its archive).");
        group.MapPost("/closure", CloseAsync)
            .WithSummary("Close one's record (archive for ten years), optionally asking for the deletion of its data.");
        group.MapPost("/deletion", (ProofBody body, HolderLifecycleRequest handler, CancellationToken ct) => StepAsync(body, LifecycleStep.RequestDeletion, handler, ct))
            .WithSummary("Ask for the deletion of one's record's data (carried out within three months).");
        return group;
    }

    public static RouteGroupBuilder MapActivationEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/", StartAsync)
            .WithSummary("Start activation with NIR, Vitale serial and provisional code; returns an activation token valid one hour.");
        group.MapPost("/email", (HttpRequest http, EmailBody body, SendContactCode handler, CancellationToken ct) => SendCodeAsync(http, ContactChannel.Email, body.Email, handler, ct))
            .WithSummary("Send a one-time code to the e-mail address to confirm.");
        group.MapPost("/email/confirmation", (HttpRequest http, CodeBody body, ConfirmContact handler, CancellationToken ct) => ConfirmAsync(http, ContactChannel.Email, body, handler, ct))
            .WithSummary("Confirm the e-mail address with the code received.");
        group.MapPost("/mobile", (HttpRequest http, MobileBody body, SendContactCode handler, CancellationToken ct) => SendCodeAsync(http, ContactChannel.Mobile, body.Mobile, handler, ct))
            .WithSummary("Send a one-time code by SMS to the mobile number to confirm.");
        group.MapPost("/mobile/confirmation", (HttpRequest http, CodeBody body, ConfirmContact handler, CancellationToken ct) => ConfirmAsync(http, ContactChannel.Mobile, body, handler, ct))
            .WithSummary("Confirm the mobile number with the code received.");
        group.MapPost("/credentials/check", CheckAsync)
            .WithSummary("Check a login and password against the rules as they are typed; saves nothing.");
        group.MapPost("/completion", CompleteAsync)
            .WithSummary("Choose login and password, accept the terms: creates the account and activates the record.");
        return group;
    }

    private static async Task<Accepted> RequestCodeAsync(IdentityBody body, RequestProvisionalCode handler, CancellationToken ct)
    {
        await handler.HandleAsync(new RequestProvisionalCode.Request(body.Nir, body.VitaleSerial), ct);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Ok<StateResponse>> StepAsync(ProofBody body, LifecycleStep step, HolderLifecycleRequest handler, CancellationToken ct)
    {
        var state = await handler.HandleAsync(new HolderLifecycleRequest.Request(body.Nir, body.VitaleSerial, body.ProvisionalCode, step), ct);
        return TypedResults.Ok(new StateResponse(state.ToString()));
    }

    private static Task<Ok<StateResponse>> CloseAsync(ClosureBody body, HolderLifecycleRequest handler, CancellationToken ct) =>
        StepAsync(new ProofBody(body.Nir, body.VitaleSerial, body.ProvisionalCode), body.DeleteData ? LifecycleStep.CloseAndDelete : LifecycleStep.Close, handler, ct);

    private static async Task<Created<StartActivation.Result>> StartAsync(ProofBody body, StartActivation handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new StartActivation.Request(body.Nir, body.VitaleSerial, body.ProvisionalCode), ct);
        return TypedResults.Created((string?)null, result);
    }

    private static async Task<Accepted> SendCodeAsync(HttpRequest http, ContactChannel channel, string? address, SendContactCode handler, CancellationToken ct)
    {
        await handler.HandleAsync(new SendContactCode.Request(Token(http), channel, address), ct);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<NoContent> ConfirmAsync(HttpRequest http, ContactChannel channel, CodeBody body, ConfirmContact handler, CancellationToken ct)
    {
        await handler.HandleAsync(new ConfirmContact.Request(Token(http), channel, body.Code), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<CredentialCheckResponse>> CheckAsync(HttpRequest http, CredentialsBody body, CheckCredentials handler, CancellationToken ct)
    {
        var problems = await handler.HandleAsync(new CheckCredentials.Request(Token(http), body.Login, body.Password), ct);
        return TypedResults.Ok(new CredentialCheckResponse(problems.Count == 0, problems));
    }

    private static async Task<Created<ActivatedResponse>> CompleteAsync(HttpRequest http, CompletionBody body, CompleteActivation handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new CompleteActivation.Request(Token(http), body.Login, body.Password, body.AcceptTerms), ct);
        return TypedResults.Created((string?)null, new ActivatedResponse(result.Login));
    }

    private static string? Token(HttpRequest http) => http.Headers[ActivationTokenHeader].FirstOrDefault();
}
