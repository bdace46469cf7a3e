using System.Globalization;
using System.Security.Claims;
using System.Text;
using Carnet.Audit;
using Carnet.Http;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Carnet.SignIn.Establishments;

/// <summary>
/// After JwtBearer has checked the access token (issuer, audience, Carnet's key, lifetime by Carnet's
/// clock), checks on every call that the client is still enabled and who acts for it, and puts the
/// caller's claims on the principal. Refusals are 401 with an RFC 6750 challenge and a problem body
/// that says what to do.
/// </summary>
public sealed partial class EstablishmentBearerEvents(CheckActingProfessional check, ILogger<EstablishmentBearerEvents> logger) : JwtBearerEvents
{
    private const string NewToken = "request a new one at POST /oauth/token with a fresh client assertion.";

    public override async Task TokenValidated(TokenValidatedContext context)
    {
        var clientId = context.Principal?.FindFirstValue(CarnetClaims.ClientId);
        if (string.IsNullOrEmpty(clientId))
        {
            context.Fail(new EstablishmentCallRefusedException("invalid_token", $"This access token names no client: {NewToken}", EstablishmentCallRefusedException.InvalidToken));
            return;
        }

        var assertions = context.Request.Headers[CheckActingProfessional.Header];
        if (assertions.Count > 1)
        {
            context.Fail(new EstablishmentCallRefusedException("acting_professional_repeated", $"Send the {CheckActingProfessional.Header} header once per call."));
            return;
        }

        try
        {
            var result = await check.HandleAsync(new CheckActingProfessional.Request(clientId, assertions.FirstOrDefault()), context.HttpContext.RequestAborted);
            context.Principal = Principal(result);
        }
        catch (EstablishmentCallRefusedException e)
        {
            LogRefused(logger, clientId, e.Code);
            context.Fail(e);
        }
    }

    public override Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var (code, error, detail) = Describe(context.AuthenticateFailure);
        context.Response.Headers.WWWAuthenticate = error is null
            ? "Bearer"
            : $"Bearer error=\"{error}\", error_description=\"{HeaderText(detail)}\"";
        return ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, code, detail);
    }

    public override Task Forbidden(ForbiddenContext context) =>
        ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "forbidden", "Establishment software cannot do this: this endpoint is for people signed in to Carnet.");

    private static ClaimsPrincipal Principal(CheckActingProfessional.Result result)
    {
        var claims = new List<Claim>
        {
            new(CarnetClaims.Kind, nameof(CallerKind.Establishment)),
            new(CarnetClaims.ClientId, result.Client.ClientId),
            new(CarnetClaims.Finess, result.Client.Finess),
            new(CarnetClaims.IdNatPs, result.Professional.IdNatPs),
            new(CarnetClaims.Name, result.Professional.DisplayName),
            new(CarnetClaims.Profession, result.Professional.ProfessionCode),
            new(CarnetClaims.AccessMode, AccessModes.Name(result.Mode)),
        };
        if (result.Professional.SpecialtyCode is { } specialty)
        {
            claims.Add(new Claim(CarnetClaims.Specialty, specialty));
        }

        if (result.Purpose is { } purpose)
        {
            claims.Add(new Claim(CarnetClaims.PurposeOfUse, purpose));
        }

        if (result.Mode != AccessMode.Normal && result.Reason is { } reason)
        {
            claims.Add(new Claim(CheckActingProfessional.ReasonClaim, reason));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, SignInSchemes.EstablishmentBearer, CarnetClaims.Name, roleType: null));
    }

    /// <summary>The problem code, the RFC 6750 error (none when no token came, §3.1) and what to do.</summary>
    private static (string Code, string? Error, string Detail) Describe(Exception? failure) => failure switch
    {
        null => ("token_missing", null, "Send Authorization: Bearer <access_token>, with the access token from POST /oauth/token."),
        EstablishmentCallRefusedException e => (e.Code, e.BearerError, e.Message),
        SecurityTokenExpiredException e => ("token_expired", EstablishmentCallRefusedException.InvalidToken, $"The access token expired at {e.Expires.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}: {NewToken}"),
        SecurityTokenNotYetValidException => ("invalid_token", EstablishmentCallRefusedException.InvalidToken, $"The access token is not valid yet: check the software's clock, or {NewToken}"),
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => ("invalid_token", EstablishmentCallRefusedException.InvalidToken, $"The access token was not signed by this Carnet, or by a key it no longer uses: {NewToken}"),
        SecurityTokenInvalidIssuerException or SecurityTokenInvalidAudienceException => ("invalid_token", EstablishmentCallRefusedException.InvalidToken, $"The access token was issued by another server or for another audience: {NewToken}"),
        SecurityTokenInvalidTypeException => ("invalid_token", EstablishmentCallRefusedException.InvalidToken, "This is not a Carnet access token (typ at+jwt): send the access_token returned by POST /oauth/token, not an assertion."),
        _ => ("invalid_token", EstablishmentCallRefusedException.InvalidToken, $"The access token is not valid: send it exactly as POST /oauth/token returned it, or {NewToken}"),
    };

    /// <summary>RFC 6750 §3: error_description is printable ASCII without " and \; accents are dropped, others replaced.</summary>
    private static string HeaderText(string detail)
    {
        var text = new StringBuilder(detail.Length);
        foreach (var c in detail.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            text.Append(c switch
            {
                '"' or '\\' => '\'',
                >= ' ' and <= '~' => c,
                _ => '-',
            });
        }

        return text.ToString();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a call of establishment client {ClientId}: {Code}")]
    private static partial void LogRefused(ILogger logger, string clientId, string code);
}
