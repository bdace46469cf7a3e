using System.Text;
using System.Text.Json;

namespace Carnet.Records.Import;

/// <summary>Reads an enrolment NDJSON file: one JSON object per line, streaming.</summary>
public static class NdjsonPersonReader
{
    public static IEnumerable<InsuredPersonFields> Read(Stream content)
    {
        using var text = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        long line = 0;
        while (text.ReadLine() is { } json)
        {
            line++;
            if (string.IsNullOrWhiteSpace(json))
            {
                yield return new InsuredPersonFields { Line = line, IsBlank = true };
                continue;
            }

            yield return Parse(json, line);
        }
    }

    private static InsuredPersonFields Parse(string json, long line)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new InsuredPersonFields { Line = line, ReadError = "is not a JSON object; write one {...} object per line." };
            }

            var fields = new InsuredPersonFields { Line = line };
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var name = property.Name;
                if (string.Equals(name, EnrolmentColumns.Representatives, StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.Array)
                {
                    fields.Representatives = [.. property.Value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText())];
                    continue;
                }

                var value = property.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => property.Value.GetString(),
                    _ => property.Value.GetRawText(),
                };
                if (!EnrolmentColumns.Set(fields, name, string.IsNullOrEmpty(value) ? null : value))
                {
                    return new InsuredPersonFields { Line = line, ReadError = $"has an unknown property \"{Truncate(name)}\"; allowed: {string.Join(", ", EnrolmentColumns.All)}." };
                }
            }

            return fields;
        }
        catch (JsonException e)
        {
            // The parser's message quotes positions, not values: safe to report.
            return new InsuredPersonFields { Line = line, ReadError = $"is not valid JSON ({e.Message.Split('.')[0]}); write one complete object per line." };
        }
    }

    private static string Truncate(string name) => name.Length <= 40 ? name : name[..40] + "…";
}
