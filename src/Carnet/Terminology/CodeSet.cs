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
        var codes = new Dictionary<string, Code>(StringComparer.Ordinal);
        string systemUrl = "", systemOid = "";
        foreach (var row in ReferenceData.Rows(fileName))
        {
            if (!row.TryGetValue("code", out var code) || !row.TryGetValue("display", out var display) || !row.TryGetValue("system", out var system) || !row.TryGetValue("system_oid", out var oid))
            {
                throw new InvalidOperationException($"Reference data file {fileName} lacks one of the columns code, display, system, system_oid.");
            }

            var active = !string.Equals(row.GetValueOrDefault("status"), "deprecated", StringComparison.Ordinal);
            codes[code] = new Code(code, display, active);
            systemUrl = system;
            systemOid = oid;
        }

        return new CodeSet(Path.GetFileNameWithoutExtension(fileName), systemUrl, systemOid, codes);
    }
}
