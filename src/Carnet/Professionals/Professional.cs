using Carnet.Identifiers;

namespace Carnet.Professionals;

/// <summary>
/// A health professional known to Carnet, identified by idNat_PS. Profession (TRE_G15) and specialty
/// (TRE_R38) are part of the identity: the access policy decides on them.
/// </summary>
public sealed class Professional
{
    private Professional()
    {
    }

    public Guid Id { get; private set; }

    public ProfessionalId IdNatPs { get; private set; } = null!;

    public string FamilyName { get; private set; } = "";

    public string GivenNames { get; private set; } = "";

    public string ProfessionCode { get; private set; } = "";

    public string? SpecialtyCode { get; private set; }

    public string? Email { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public string DisplayName => $"{GivenNames} {FamilyName}";

    public static Professional Register(ProfessionalId id, string familyName, string givenNames, string professionCode, string? specialtyCode, string? email, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        IdNatPs = id,
        FamilyName = familyName,
        GivenNames = givenNames,
        ProfessionCode = professionCode,
        SpecialtyCode = specialtyCode,
        Email = email,
        RegisteredAt = at,
    };
}
