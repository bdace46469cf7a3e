namespace Carnet.SignIn;

/// <summary>The professional behind a call: idNat_PS, name, profession (TRE_G15) and specialty (TRE_R38). The access policy decides on these.</summary>
public sealed record ActingProfessional(string IdNatPs, string DisplayName, string ProfessionCode, string? SpecialtyCode);
