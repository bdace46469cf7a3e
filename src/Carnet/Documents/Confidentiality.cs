using Carnet.Terminology;

namespace Carnet.Documents;

/// <summary>
/// The confidentiality codes of a document (DOMAIN.md §4; TRE_A07 StatutVisibiliteDocument, with the
/// HL7 "N" normal code): who a document is hidden from. Kept as flags on the document; the access gate
/// reads them.
/// </summary>
public readonly record struct Confidentiality(bool HiddenFromProfessionals, bool InvisibleToHolder, bool InvisibleToLegalRepresentatives)
{
    public const string Normal = "N";
    public const string HiddenFromProfessionalsCode = "MASQUE_PS";
    public const string InvisibleToHolderCode = "INVISIBLE_PATIENT";
    public const string InvisibleToLegalRepresentativesCode = "INVISIBLE_REPRESENTANTS_LEGAUX";

    /// <summary>The HL7 v3 Confidentiality system of "N" (not part of TRE_A07; see the reference data's README).</summary>
    public const string NormalSystem = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";

    public static Confidentiality None => default;

    /// <summary>Reads codes as depositors send them; throws <see cref="DocumentException"/> for an unknown code or a forbidden combination.</summary>
    public static Confidentiality FromCodes(IEnumerable<string> codes)
    {
        var result = default(Confidentiality);
        foreach (var code in codes)
        {
            result = code switch
            {
                Normal => result,
                HiddenFromProfessionalsCode => result with { HiddenFromProfessionals = true },
                InvisibleToHolderCode => result with { InvisibleToHolder = true },
                InvisibleToLegalRepresentativesCode => result with { InvisibleToLegalRepresentatives = true },
                _ when CodeSets.Confidentiality.TryGet(code, out _) => throw new DocumentException(DocumentException.InvalidMetadata, $"The confidentiality code '{code}' is not used by Carnet: use N, MASQUE_PS, INVISIBLE_PATIENT or INVISIBLE_REPRESENTANTS_LEGAUX."),
                _ => throw new DocumentException(DocumentException.InvalidMetadata, $"Unknown confidentiality code '{code}': use N, MASQUE_PS, INVISIBLE_PATIENT or INVISIBLE_REPRESENTANTS_LEGAUX (TRE_A07)."),
            };
        }

        return result.HiddenFromProfessionals && result.InvisibleToHolder
            ? throw new DocumentException(DocumentException.InvalidMetadata, "INVISIBLE_PATIENT and MASQUE_PS cannot be combined: a document the holder cannot see yet cannot be hidden by them from professionals. Send one of the two.")
            : result;
    }

    /// <summary>The codes, "N" first when nothing else applies.</summary>
    public IReadOnlyList<string> Codes()
    {
        var codes = new List<string>(3);
        if (HiddenFromProfessionals)
        {
            codes.Add(HiddenFromProfessionalsCode);
        }

        if (InvisibleToHolder)
        {
            codes.Add(InvisibleToHolderCode);
        }

        if (InvisibleToLegalRepresentatives)
        {
            codes.Add(InvisibleToLegalRepresentativesCode);
        }

        if (codes.Count == 0)
        {
            codes.Add(Normal);
        }

        return codes;
    }
}
