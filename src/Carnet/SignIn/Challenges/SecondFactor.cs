namespace Carnet.SignIn.Challenges;

/// <summary>How the person proves the second factor: a code sent to a registered contact, or an authenticator app.</summary>
public enum SecondFactor
{
    Email,
    Sms,
    Authenticator,

    /// <summary>A passkey (WebAuthn): possession of the device key and the person's verification on it, in one step.</summary>
    Passkey,
}
