namespace Carnet.Documents;

/// <summary>Document and folder titles: trimmed, not empty, at most 256 characters, no control characters.</summary>
public static class Titles
{
    public static string Check(string? title, int maxLength = ChangeDocument.MaxTitleLength)
    {
        var trimmed = title?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed.Length > maxLength || trimmed.Any(char.IsControl))
        {
            throw new DocumentException(DocumentException.InvalidMetadata, $"A title must have 1 to {maxLength} characters, without line breaks or control characters.");
        }

        return trimmed;
    }
}
