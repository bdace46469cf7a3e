namespace Carnet.SignIn.Challenges;

/// <summary>How the person proves the second factor: a code sent to a registered contact, or an authenticator app.</summary>
public enum SecondFactor
{
    Email,
    Sms,
    Authenticator,
}
