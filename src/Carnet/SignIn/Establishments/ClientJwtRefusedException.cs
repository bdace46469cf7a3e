namespace Carnet.SignIn.Establishments;

/// <summary>A JWT signed by a client was refused; <see cref="Reason"/> says which check failed, the message what to do.</summary>
public sealed class ClientJwtRefusedException : Exception
{
    public ClientJwtRefusedException(string reason, string message)
        : base(message) => Reason = reason;

    public ClientJwtRefusedException()
        : this("refused", "The JWT was refused.")
    {
    }

    public ClientJwtRefusedException(string message)
        : this("refused", message)
    {
    }

    public ClientJwtRefusedException(string message, Exception innerException)
        : base(message, innerException) => Reason = "refused";

    /// <summary>A stable snake_case reason: unknown_client, unknown_key, bad_signature, expired…</summary>
    public string Reason { get; }
}
