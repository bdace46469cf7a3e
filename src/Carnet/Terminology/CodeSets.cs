namespace Carnet.Terminology;

/// <summary>The code sets Carnet uses, loaded once from the embedded reference data.</summary>
public static class CodeSets
{
    private static readonly Lazy<CodeSet> ProfessionsSet = new(() => CodeSet.Load("tre_g15_professionsante.csv"));
    private static readonly Lazy<CodeSet> SpecialtiesSet = new(() => CodeSet.Load("tre_r38_specialiteordinale.csv"));

    /// <summary>TRE_G15 ProfessionSante (OID 1.2.250.1.71.1.2.7).</summary>
    public static CodeSet Professions => ProfessionsSet.Value;

    /// <summary>TRE_R38 SpecialiteOrdinale (OID 1.2.250.1.213.2.28).</summary>
    public static CodeSet Specialties => SpecialtiesSet.Value;
}
