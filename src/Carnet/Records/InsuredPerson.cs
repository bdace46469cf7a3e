using Carnet.Identifiers;

namespace Carnet.Records;

/// <summary>An insured person as the operator declares them, validated (one line of an enrolment file).</summary>
public sealed record InsuredPerson(
    Nir Nir,
    InsAuthority InsAuthority,
    string FamilyName,
    string GivenNames,
    DateOnly BirthDate,
    VitaleSerial VitaleSerial,
    string? Email,
    string? Mobile,
    PostalAddress? Address,
    IReadOnlyList<Nir> Representatives);
