namespace Carnet.Records;

/// <summary>
/// A lifecycle step was refused. <see cref="Code"/> is stable (APIs and the portal map it);
/// the message says what to do next.
/// </summary>
public sealed class LifecycleException : InvalidOperationException
{
    public LifecycleException(string code, string message)
        : base(message) => Code = code;

    public LifecycleException()
        : this("lifecycle_refused", "This step is not possible for this record.")
    {
    }

    public LifecycleException(string message)
        : this("lifecycle_refused", message)
    {
    }

    public LifecycleException(string message, Exception innerException)
        : base(message, innerException) => Code = "lifecycle_refused";

    public string Code { get; }
}
