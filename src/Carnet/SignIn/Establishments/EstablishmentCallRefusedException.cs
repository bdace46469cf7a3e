namespace Carnet.SignIn.Establishments;

/// <summary>
/// A call with an access token was refused. <see cref="Code"/> is the problem's stable code,
/// <see cref="BearerError"/> the RFC 6750 §3.1 error of the WWW-Authenticate challenge.
/// </summary>
public sealed class EstablishmentCallRefusedException : Exception
{
    public const string InvalidToken = "invalid_token";
    public const string InvalidRequest = "invalid_request";

    public EstablishmentCallRefusedException(string code, string message, string bearerError = InvalidRequest)
        : base(message)
    {
        Code = code;
        BearerError = bearerError;
    }

    public EstablishmentCallRefusedException()
        : this("refused", "The call was refused.")
    {
    }

    public EstablishmentCallRefusedException(string message)
        : this("refused", message)
    {
    }

    public EstablishmentCallRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "refused";
        BearerError = InvalidRequest;
    }

    public string Code { get; }

    public string BearerError { get; }
}
