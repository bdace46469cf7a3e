namespace Carnet.SignIn;

/// <summary>A sign-in step was refused; the code is stable, the message says what to do next.</summary>
public sealed class SignInRefusedException : Exception
{
    public const string InvalidCredentials = "invalid_credentials";
    public const string AccountLocked = "account_locked";
    public const string ChallengeNotFound = "sign_in_not_found";
    public const string CodeInvalid = "code_invalid";
    public const string CodeExpired = "code_expired";
    public const string CodeAlreadyUsed = "code_already_used";
    public const string TooManyAttempts = "too_many_attempts";

    public SignInRefusedException(string code, string message)
        : base(message) => Code = code;

    public SignInRefusedException()
        : this(InvalidCredentials, "Sign-in refused.")
    {
    }

    public SignInRefusedException(string message)
        : this(InvalidCredentials, message)
    {
    }

    public SignInRefusedException(string message, Exception innerException)
        : base(message, innerException) => Code = InvalidCredentials;

    public string Code { get; }
}
