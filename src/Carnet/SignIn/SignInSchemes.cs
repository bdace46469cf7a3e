namespace Carnet.SignIn;

/// <summary>The authentication schemes: one door per kind of caller, chosen per request by <see cref="Default"/>.</summary>
public static class SignInSchemes
{
    /// <summary>Picks <see cref="EstablishmentBearer"/> when the request carries a bearer token, <see cref="Session"/> otherwise.</summary>
    public const string Default = "Carnet";

    /// <summary>People (holders, professionals, operators) signed in through the portal or the API: a cookie naming a stored session.</summary>
    public const string Session = "Carnet.Session";

    /// <summary>Establishment software with an access token from <c>POST /oauth/token</c>.</summary>
    public const string EstablishmentBearer = "Carnet.Establishment";
}
