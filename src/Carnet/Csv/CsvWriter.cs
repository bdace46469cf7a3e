namespace Carnet.Csv;

/// <summary>Writes RFC 4180 rows: fields with commas, quotes or line breaks are quoted.</summary>
public static class CsvWriter
{
    public static async Task WriteRowAsync(TextWriter writer, IEnumerable<string?> fields, CancellationToken ct)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                await writer.WriteAsync(',');
            }

            first = false;
            await writer.WriteAsync(Quote(field).AsMemory(), ct);
        }

        await writer.WriteAsync("\r\n".AsMemory(), ct);
    }

    public static string Quote(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return "";
        }

        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}
