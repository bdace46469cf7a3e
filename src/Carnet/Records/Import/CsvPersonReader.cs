using System.Text;
using Carnet.Csv;

namespace Carnet.Records.Import;

/// <summary>Reads an enrolment CSV (header row, then one person per record), streaming.</summary>
public static class CsvPersonReader
{
    public static IEnumerable<InsuredPersonFields> Read(Stream content)
    {
        using var text = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var csv = new CsvReader(text);
        var row = new List<string>();
        if (!csv.ReadRecord(row))
        {
            yield break;
        }

        var header = ReadHeader(row);
        while (true)
        {
            InsuredPersonFields? broken = null;
            bool more;
            try
            {
                more = csv.ReadRecord(row);
            }
            catch (CsvFormatException e)
            {
                broken = new InsuredPersonFields { Line = e.Line, ReadError = e.Message };
                more = false;
            }

            if (broken is not null)
            {
                yield return broken;
            }

            if (!more)
            {
                yield break;
            }

            if (row.Count == 1 && row[0].Length == 0)
            {
                yield return new InsuredPersonFields { Line = csv.RecordLine, IsBlank = true };
                continue;
            }

            if (row.Count != header.Length)
            {
                yield return new InsuredPersonFields
                {
                    Line = csv.RecordLine,
                    ReadError = $"has {row.Count} fields but the header has {header.Length}; check for a missing separator or an unquoted comma.",
                };
                continue;
            }

            var fields = new InsuredPersonFields { Line = csv.RecordLine };
            for (var i = 0; i < header.Length; i++)
            {
                EnrolmentColumns.Set(fields, header[i], row[i].Length == 0 ? null : row[i]);
            }

            yield return fields;
        }
    }

    private static string[] ReadHeader(List<string> row)
    {
        var header = row.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        // Positions, not names: a file without a header would otherwise echo a person's data.
        var unknown = header.Select((h, i) => (Name: h, Position: i + 1)).Where(h => !EnrolmentColumns.All.Contains(h.Name, StringComparer.Ordinal)).Select(h => h.Position).ToList();
        if (unknown.Count > 0)
        {
            throw new ImportFileException($"The first line must name the columns; column(s) {string.Join(", ", unknown)} of it are not known names. Allowed columns: {string.Join(", ", EnrolmentColumns.All)}.");
        }

        var missing = EnrolmentColumns.Required.Where(r => !header.Contains(r, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportFileException($"The CSV header lacks required column(s): {string.Join(", ", missing)}. The first line must name the columns, for example: {string.Join(",", EnrolmentColumns.All)}.");
        }

        var duplicates = header.GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new ImportFileException($"The CSV header names column(s) twice: {string.Join(", ", duplicates)}.");
        }

        return header;
    }
}
