namespace Carnet.SignIn.Challenges;

/// <summary>What a challenge opens once passed.</summary>
public enum ChallengePurpose
{
    SignIn,
    PasswordReset,
    PasskeyRegistration,
    PasskeySignIn,
}
