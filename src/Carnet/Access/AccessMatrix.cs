using System.Text;
using System.Text.Json;
using Carnet.Terminology;
using Microsoft.Extensions.Options;

namespace Carnet.Access;

/// <summary>
/// The profession × document-type matrix (arrêté of 26 October 2023, reconstructed in the shared reference
/// data) with the policy that reads it (<c>Access/Data/access-policy.json</c>, explained in its README): which
/// document types a professional may see by profession. Loaded once; replaceable by a file of the same shape.
/// </summary>
public sealed class AccessMatrix
{
    /// <summary>The confidence of cells taken from the official grid, always granted when allowed.</summary>
    public const string OfficialConfidence = "official";

    private static readonly string[] RequiredColumns = ["profession_code", "profession_label", "typeCode", "allowed", "confidence"];

    private static readonly JsonSerializerOptions PolicyJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly Dictionary<string, HashSet<string>> _typesByColumn;
    private readonly IReadOnlyList<ColumnRule> _columns;

    private AccessMatrix(string version, Dictionary<string, HashSet<string>> typesByColumn, IReadOnlyList<ColumnRule> columns)
    {
        Version = version;
        _typesByColumn = typesByColumn;
        _columns = columns;
    }

    /// <summary>The policy file's version, written in traces' documentation and shown to operators.</summary>
    public string Version { get; }

    /// <summary>The matrix columns, each with the document types it grants.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> Columns => _typesByColumn;

    public static AccessMatrix Load(IOptions<AccessOptions> options)
    {
        var policy = ReadPolicy();
        var granted = policy.GrantedConfidences.Append(OfficialConfidence).ToHashSet(StringComparer.Ordinal);
        var rows = options.Value.MatrixFile is { Length: > 0 } file ? ReadFile(file) : ReferenceData.Rows("access-matrix.csv");
        var types = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (var column in RequiredColumns)
            {
                if (!row.ContainsKey(column))
                {
                    throw new InvalidOperationException($"The access matrix lacks the column '{column}': give a CSV with {string.Join(", ", RequiredColumns)} (see src/Carnet/Access/Data/README.md).");
                }
            }

            var label = row["profession_label"];
            if (!types.TryGetValue(label, out var set))
            {
                types[label] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            if (row["allowed"] == "Y" && granted.Contains(row["confidence"]))
            {
                set.Add(row["typeCode"]);
            }
        }

        var missing = policy.Columns.Select(c => c.Column).FirstOrDefault(c => !types.ContainsKey(c));
        return missing is not null
            ? throw new InvalidOperationException($"access-policy.json names the matrix column '{missing}', which the matrix does not have: correct the policy or the matrix file.")
            : new AccessMatrix(policy.Version, types, policy.Columns);
    }

    /// <summary>The matrix column that applies to a profession (TRE_G15) and specialty (TRE_R38); null when none does.</summary>
    public string? ColumnFor(string professionCode, string? specialtyCode)
    {
        var family = specialtyCode is not null && CodeSets.Specialties.TryGet(specialtyCode, out var specialty) ? specialty.Display : "";
        return _columns.FirstOrDefault(c => string.Equals(c.Profession, professionCode, StringComparison.Ordinal)
            && (c.SpecialtyFamilyContains is null || family.Contains(c.SpecialtyFamilyContains, StringComparison.OrdinalIgnoreCase)))?.Column;
    }

    /// <summary>The document types (JDV_J66 codes) a professional may see; empty for a profession without a column.</summary>
    public IReadOnlyCollection<string> TypesFor(string professionCode, string? specialtyCode) =>
        ColumnFor(professionCode, specialtyCode) is { } column ? _typesByColumn[column] : [];

    public bool Allows(string professionCode, string? specialtyCode, string typeCode) =>
        ColumnFor(professionCode, specialtyCode) is { } column && _typesByColumn[column].Contains(typeCode);

    private static Policy ReadPolicy()
    {
        var assembly = typeof(AccessMatrix).Assembly;
        using var stream = assembly.GetManifestResourceStream("Carnet.Access.Data.access-policy.json")
            ?? throw new InvalidOperationException("access-policy.json is not embedded: check src/Carnet/Carnet.csproj.");
        return JsonSerializer.Deserialize<Policy>(stream, PolicyJson)
            ?? throw new InvalidOperationException("access-policy.json is empty.");
    }

    private static IEnumerable<Dictionary<string, string>> ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Carnet:Access:MatrixFile names '{path}', which does not exist: give the path of the matrix CSV, or remove the setting to use the shipped matrix.");
        }

        using var text = new StreamReader(path, Encoding.UTF8);
        foreach (var row in ReferenceData.Rows(text))
        {
            yield return row;
        }
    }

    private sealed record Policy(string Version, IReadOnlyList<string> GrantedConfidences, IReadOnlyList<ColumnRule> Columns);

    private sealed record ColumnRule(string Profession, string Column, string? SpecialtyFamilyContains = null);
}
