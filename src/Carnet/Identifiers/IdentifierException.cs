namespace Carnet.Identifiers;

/// <summary>An identifier was refused: names the field and says what is wrong and what to do.</summary>
public sealed class IdentifierException : FormatException
{
    public IdentifierException(string field, string problem)
        : base($"{field}: {problem}")
    {
        Field = field;
        Problem = problem;
    }

    public IdentifierException()
        : this("identifier", "is not valid")
    {
    }

    public IdentifierException(string message)
        : this("identifier", message)
    {
    }

    public IdentifierException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "identifier";
        Problem = message;
    }

    public string Field { get; }

    public string Problem { get; }
}
