namespace Carnet.Records;

/// <summary>No record answers to the identifier given (or the caller may not know it exists).</summary>
public sealed class RecordNotFoundException : Exception
{
    public RecordNotFoundException()
        : base("No record was found for this identifier. Check the NIR, or import the person first.")
    {
    }

    public RecordNotFoundException(string message)
        : base(message)
    {
    }

    public RecordNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
