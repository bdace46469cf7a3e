namespace Carnet.Terminology;

/// <summary>
/// The document types the DMP accepts (JDV_J66, OID 1.2.250.1.213.1.1.5.7), each with its system
/// (LOINC or TRE_A05), its class (ASS_X16) and its Mon espace santé category (an inferred mapping, see
/// the reference data's README), and the categories themselves.
/// </summary>
public sealed class DocumentTypes
{
    private const string OtherDocuments = "AUTR_DOC";

    private readonly Dictionary<string, DocumentType> _types;
    private readonly Dictionary<string, DocumentCategory> _categories;

    private DocumentTypes(Dictionary<string, DocumentType> types, Dictionary<string, DocumentCategory> categories)
    {
        _types = types;
        _categories = categories;
    }

    public IReadOnlyCollection<DocumentType> Types => _types.Values;

    public IReadOnlyCollection<DocumentCategory> Categories => _categories.Values;

    public bool TryGet(string? code, out DocumentType type)
    {
        type = null!;
        return code is not null && _types.TryGetValue(code, out type!);
    }

    public bool TryGetCategory(string? code, out DocumentCategory category)
    {
        category = null!;
        return code is not null && _categories.TryGetValue(code, out category!);
    }

    /// <summary>The type a holder's upload in <paramref name="category"/> gets (DOCPATxx / EXPPAT_x), or null when none maps to it.</summary>
    public DocumentType? HolderTypeFor(string category) =>
        _types.Values.Where(t => t.Category == category && (t.Code.StartsWith("DOCPAT", StringComparison.Ordinal) || t.Code.StartsWith("EXPPAT", StringComparison.Ordinal)))
            .OrderBy(t => t.Code, StringComparer.Ordinal).FirstOrDefault();

    internal static DocumentTypes Load()
    {
        var categories = new Dictionary<string, DocumentCategory>(StringComparer.Ordinal);
        foreach (var row in ReferenceData.Rows("mes_categories.csv"))
        {
            categories[row["code"]] = new DocumentCategory(row["code"], row["display_in_app"]);
        }

        var categoryOfType = ReferenceData.Rows("typecode_to_mes_category.csv").ToDictionary(r => r["typeCode"], r => r["mes_category"], StringComparer.Ordinal);
        var types = new Dictionary<string, DocumentType>(StringComparer.Ordinal);
        foreach (var row in ReferenceData.Rows("jdv_j66_typecode_dmp.csv"))
        {
            var code = row["code"];
            // A type the mapping leaves without a category (E1762, the signature object) is filed under "Autres documents", never under a blank heading.
            var category = categoryOfType.GetValueOrDefault(code) is { Length: > 0 } mapped ? mapped : OtherDocuments;
            types[code] = new DocumentType(code, row["display"], row["system"], row["classCode_ASS_X16"], category);
        }

        return new DocumentTypes(types, categories);
    }
}
