namespace Carnet.Documents.Cda;

/// <summary>A CDA document cannot be accepted: the message names the element at fault and what to change.</summary>
public sealed class CdaFormatException : FormatException
{
    public CdaFormatException()
        : base("The document is not a readable CDA R2 document.")
    {
    }

    public CdaFormatException(string message)
        : base(message)
    {
    }

    public CdaFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
