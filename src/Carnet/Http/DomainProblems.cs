using Carnet.Documents;
using Carnet.Documents.Encryption;
using Carnet.Identifiers;
using Carnet.Professionals;
using Carnet.Records;
using Carnet.Records.Enrolment;
using Carnet.Records.Import;
using Carnet.SignIn;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Http;

/// <summary>
/// Turns the domain's refusals into RFC 9457 problem details with a stable <c>code</c> and a message
/// that says what to do next. Unknown records and unrecognised identities are plain 404s.
/// </summary>
public sealed class DomainProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = From(exception);
        if (Fhir.FhirJson.IsFhir(httpContext.Request.Path))
        {
            // The FHIR endpoint answers every error, unexpected ones included, with an OperationOutcome.
            problem ??= Problem(StatusCodes.Status500InternalServerError, "internal_error", "Carnet could not handle this request. Nothing was saved; try again, and if it persists tell the operator the time of the request.");
            await Fhir.FhirOutcomes.WriteAsync(httpContext, problem.Status!.Value, (string)problem.Extensions["code"]!, problem.Detail!);
            return true;
        }

        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails? From(Exception exception) => exception switch
    {
        IdentifierException e => Problem(StatusCodes.Status400BadRequest, "invalid_field", e.Message, ("errors", new Dictionary<string, string[]>(StringComparer.Ordinal) { [e.Field] = [e.Problem] })),
        CredentialsRejectedException e => Problem(StatusCodes.Status422UnprocessableEntity, "credentials_rejected", "The login or password does not follow the rules: fix each point listed.", ("problems", e.Problems)),
        LifecycleException e => Problem(StatusOf(e.Code), e.Code, e.Message),
        RecordNotFoundException e => Problem(StatusCodes.Status404NotFound, "not_found", e.Message),
        SignInRefusedException e => Problem(SignInStatusOf(e.Code), e.Code, e.Message),
        RegistrationException e => Problem(e.Code == "already_registered" ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity, e.Code, e.Message),
        ImportFileException e => Problem(StatusCodes.Status400BadRequest, "invalid_file", e.Message),
        Fhir.FhirRequestException e => Problem(StatusCodes.Status400BadRequest, "invalid_request", e.Message),
        Access.AccessException e => Problem(e.Code == Access.AccessException.NotAllowed ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity, e.Code, e.Message),
        DocumentNotFoundException e => Problem(StatusCodes.Status404NotFound, "not_found", e.Message),
        DocumentException e => Problem(DocumentStatusOf(e.Code), e.Code, e.Message),
        ContentTooLargeException e => Problem(StatusCodes.Status413PayloadTooLarge, DocumentException.TooLarge, e.Message),
        RangeNotSatisfiableException e => Problem(StatusCodes.Status416RangeNotSatisfiable, "range_not_satisfiable", e.Message),
        ContentCorruptedException e => Problem(StatusCodes.Status500InternalServerError, "content_damaged", e.Message),
        Access.Delegations.DelegationException e => Problem(e.Status, e.Code, e.Message),
        DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, "changed_meanwhile", "Someone or something changed this at the same moment. Nothing was saved: try again."),
        _ => null,
    };

    private static int StatusOf(string code) => code switch
    {
        IdentityProof.NotRecognised or "activation_not_found" => StatusCodes.Status404NotFound,
        "code_requested_too_soon" or "too_many_letters" or "code_attempts_locked" => StatusCodes.Status429TooManyRequests,
        "code_invalid" or "code_expired" or "code_already_used" or "too_many_attempts" or "no_code_sent"
            or "terms_not_accepted" or "contacts_not_confirmed" or "minor_record" => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status409Conflict,
    };

    private static int DocumentStatusOf(string code) => code switch
    {
        DocumentException.UnsupportedFormat => StatusCodes.Status415UnsupportedMediaType,
        DocumentException.TooLarge => StatusCodes.Status413PayloadTooLarge,
        DocumentException.NotYours => StatusCodes.Status403Forbidden,
        DocumentException.DuplicateConflict or DocumentException.NotCurrent => StatusCodes.Status409Conflict,
        DocumentException.BinaryNotFound or DocumentException.FolderNotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    private static int SignInStatusOf(string code) => code switch
    {
        SignInRefusedException.InvalidCredentials or SignInRefusedException.AccountLocked => StatusCodes.Status401Unauthorized,
        SignInRefusedException.ChallengeNotFound or "session_not_found" or "passkey_not_found" => StatusCodes.Status404NotFound,
        "passkey_refused" => StatusCodes.Status422UnprocessableEntity,
        "recent_sign_in_required" => StatusCodes.Status401Unauthorized,
        SignInRefusedException.CodeInvalid or SignInRefusedException.CodeExpired or SignInRefusedException.CodeAlreadyUsed or SignInRefusedException.TooManyAttempts => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status409Conflict,
    };

    /// <summary>The one shape of every refusal: status, title, stable code, what to do next.</summary>
    internal static ProblemDetails Problem(int status, string code, string detail, (string Key, object Value)? extension = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = status switch
            {
                StatusCodes.Status401Unauthorized => "Not signed in",
                StatusCodes.Status403Forbidden => "Forbidden",
                StatusCodes.Status404NotFound => "Not found",
                StatusCodes.Status409Conflict => "Not possible now",
                StatusCodes.Status429TooManyRequests => "Too soon",
                StatusCodes.Status413PayloadTooLarge => "Too large",
                StatusCodes.Status415UnsupportedMediaType => "Unsupported format",
                StatusCodes.Status500InternalServerError => "Damaged content",
                _ => "Invalid request",
            },
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        if (extension is { } added)
        {
            problem.Extensions[added.Key] = added.Value;
        }

        return problem;
    }
}
