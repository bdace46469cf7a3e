namespace Carnet.Records.Import;

/// <summary>The file as a whole cannot be imported (for example a CSV header without required columns).</summary>
public sealed class ImportFileException : Exception
{
    public ImportFileException(string message)
        : base(message)
    {
    }

    public ImportFileException()
        : this("The file cannot be imported.")
    {
    }

    public ImportFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
