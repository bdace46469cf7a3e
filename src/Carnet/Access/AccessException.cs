namespace Carnet.Access;

/// <summary>A refused change to the access choices, with a stable code and a message saying what to do next.</summary>
public sealed class AccessException(string code, string message) : Exception(message)
{
    public const string EmergencyCoupling = "emergency_coupling";
    public const string UnknownProfessional = "unknown_professional";
    public const string NotAMinor = "not_a_minor";
    public const string NotAllowed = "not_allowed";
    public const string InvalidRequest = "invalid_request";

    public string Code { get; } = code;
}
