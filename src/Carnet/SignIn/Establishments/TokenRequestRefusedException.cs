namespace Carnet.SignIn.Establishments;

/// <summary>
/// A token request was refused. <see cref="Error"/> is the RFC 6749 §5.2 error code the client reads,
/// <see cref="Reason"/> the precise check that failed, the message what to do next.
/// </summary>
public sealed class TokenRequestRefusedException : Exception
{
    public const string InvalidRequest = "invalid_request";
    public const string InvalidClient = "invalid_client";
    public const string UnsupportedGrantType = "unsupported_grant_type";

    public TokenRequestRefusedException(string error, string reason, string message)
        : base(message)
    {
        Error = error;
        Reason = reason;
    }

    public TokenRequestRefusedException()
        : this(InvalidRequest, "refused", "The token request was refused.")
    {
    }

    public TokenRequestRefusedException(string message)
        : this(InvalidRequest, "refused", message)
    {
    }

    public TokenRequestRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = InvalidRequest;
        Reason = "refused";
    }

    public string Error { get; }

    public string Reason { get; }

    /// <summary>RFC 6749 §5.2: a failed client authentication is 401, any other error 400.</summary>
    public int Status => Error == InvalidClient ? 401 : 400;
}
