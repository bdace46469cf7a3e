namespace Carnet.Professionals;

/// <summary>A registration was refused; the message says why and what to do.</summary>
public sealed class RegistrationException : Exception
{
    public RegistrationException(string code, string message)
        : base(message) => Code = code;

    public RegistrationException()
        : this("registration_refused", "The registration was refused.")
    {
    }

    public RegistrationException(string message)
        : this("registration_refused", message)
    {
    }

    public RegistrationException(string message, Exception innerException)
        : base(message, innerException) => Code = "registration_refused";

    public string Code { get; }
}
