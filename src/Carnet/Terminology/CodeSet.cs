using System.Text;
using Carnet.Csv;

namespace Carnet.Terminology;

/// <summary>
/// A code set read from the national terminology files shipped under <c>Terminology/Data</c>
/// (copied unchanged from the project's reference data; never retyped).
/// </summary>
public sealed class CodeSet
{
    private readonly Dictionary<string, Code> _codes;

    private CodeSet(string name, string system, string oid, Dictionary<string, Code> codes)
    {
        Name = name;
        System = system;
        Oid = oid;
        _codes = codes;
    }

    public string Name { get; }

    /// <summary>The FHIR canonical URL of the code system.</summary>
    public string System { get; }

    public string Oid { get; }

    public IReadOnlyCollection<Code> Codes => _codes.Values;

    public bool TryGet(string? value, out Code code)
    {
        code = null!;
        return value is not null && _codes.TryGetValue(value, out code!);
    }

    /// <summary>Loads an embedded CSV with at least <c>code,display,system,system_oid</c> and optionally <c>status</c>.</summary>
    public static CodeSet Load(string fileName)
    {
        var assembly = typeof(CodeSet).Assembly;
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("." + fileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Reference data file {fileName} is not embedded in {assembly.GetName().Name}; check Terminology/Data.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var text = new StreamReader(stream, Encoding.UTF8);
        var csv = new CsvReader(text);
        var row = new List<string>();
        csv.ReadRecord(row);
        var header = row.ToArray();
        int Column(string name) => Array.IndexOf(header, name);
        int code = Column("code"), display = Column("display"), system = Column("system"), oid = Column("system_oid"), status = Column("status");
        if (code < 0 || display < 0 || system < 0 || oid < 0)
        {
            throw new InvalidOperationException($"Reference data file {fileName} lacks one of the columns code, display, system, system_oid.");
        }

        var codes = new Dictionary<string, Code>(StringComparer.Ordinal);
        string systemUrl = "", systemOid = "";
        while (csv.ReadRecord(row))
        {
            if (row.Count < header.Length)
            {
                continue;
            }

            var active = status < 0 || !string.Equals(row[status], "deprecated", StringComparison.Ordinal);
            codes[row[code]] = new Code(row[code], row[display], active);
            systemUrl = row[system];
            systemOid = row[oid];
        }

        return new CodeSet(Path.GetFileNameWithoutExtension(fileName), systemUrl, systemOid, codes);
    }
}
