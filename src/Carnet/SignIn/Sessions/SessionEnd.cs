namespace Carnet.SignIn.Sessions;

/// <summary>Why a session ended before its time.</summary>
public enum SessionEnd
{
    SignedOut,
    Revoked,
    PasswordChanged,
    AccountLocked,
}
