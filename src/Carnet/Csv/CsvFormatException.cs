namespace Carnet.Csv;

/// <summary>The CSV text itself is broken at a given line (not just one bad value).</summary>
public sealed class CsvFormatException : FormatException
{
    public CsvFormatException(long line, string problem)
        : base($"line {line}: {problem}")
    {
        Line = line;
    }

    public CsvFormatException()
        : this(0, "the CSV text is malformed.")
    {
    }

    public CsvFormatException(string message)
        : this(0, message)
    {
    }

    public CsvFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public long Line { get; }
}
