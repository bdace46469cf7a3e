using System.Text;
using Carnet.Csv;

namespace Carnet.Terminology;

/// <summary>The embedded reference data files (copied unchanged from ../shared/data), read row by row by column name.</summary>
internal static class ReferenceData
{
    /// <summary>The rows of an embedded CSV as column → value; short rows are skipped.</summary>
    public static IEnumerable<Dictionary<string, string>> Rows(string fileName)
    {
        var assembly = typeof(ReferenceData).Assembly;
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("." + fileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Reference data file {fileName} is not embedded in {assembly.GetName().Name}; check Terminology/Data.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var text = new StreamReader(stream, Encoding.UTF8);
        foreach (var row in Rows(text))
        {
            yield return row;
        }
    }

    /// <summary>The rows of a CSV with a header line, as column → value; short rows are skipped.</summary>
    public static IEnumerable<Dictionary<string, string>> Rows(TextReader text)
    {
        var csv = new CsvReader(text);
        var row = new List<string>();
        csv.ReadRecord(row);
        var header = row.ToArray();
        while (csv.ReadRecord(row))
        {
            if (row.Count >= header.Length)
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++)
                {
                    values[header[i]] = row[i];
                }

                yield return values;
            }
        }
    }
}
