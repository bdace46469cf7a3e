namespace Carnet.Terminology;

/// <summary>The code sets Carnet uses, loaded once from the embedded reference data.</summary>
public static class CodeSets
{
    private static readonly Lazy<CodeSet> ProfessionsSet = new(() => CodeSet.Load("tre_g15_professionsante.csv"));
    private static readonly Lazy<CodeSet> SpecialtiesSet = new(() => CodeSet.Load("tre_r38_specialiteordinale.csv"));
    private static readonly Lazy<CodeSet> ClassesSet = new(() => CodeSet.Load("jdv_j57_classcode_dmp.csv"));
    private static readonly Lazy<CodeSet> FormatsSet = new(() => CodeSet.Load("jdv_j60_formatcode_dmp.csv"));
    private static readonly Lazy<CodeSet> ConfidentialitySet = new(() => CodeSet.Load("tre_a07_statutvisibilitedocument.csv"));
    private static readonly Lazy<DocumentTypes> DocumentTypesSet = new(DocumentTypes.Load);

    /// <summary>TRE_G15 ProfessionSante (OID 1.2.250.1.71.1.2.7).</summary>
    public static CodeSet Professions => ProfessionsSet.Value;

    /// <summary>TRE_R38 SpecialiteOrdinale (OID 1.2.250.1.213.2.28).</summary>
    public static CodeSet Specialties => SpecialtiesSet.Value;

    /// <summary>JDV_J57 ClassCode DMP (TRE_A03 classes accepted by the DMP).</summary>
    public static CodeSet Classes => ClassesSet.Value;

    /// <summary>JDV_J60 FormatCode DMP.</summary>
    public static CodeSet Formats => FormatsSet.Value;

    /// <summary>TRE_A07 StatutVisibiliteDocument, with the HL7 "N" row.</summary>
    public static CodeSet Confidentiality => ConfidentialitySet.Value;

    /// <summary>JDV_J66 TypeCode DMP with each type's class and Mon espace santé category.</summary>
    public static DocumentTypes DocumentTypes => DocumentTypesSet.Value;
}
