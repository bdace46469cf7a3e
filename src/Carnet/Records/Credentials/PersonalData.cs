namespace Carnet.Records.Credentials;

/// <summary>What the holder's password must not contain (DOMAIN.md §3). Personal data: never log it.</summary>
public sealed record PersonalData(
    string? Login,
    string? FamilyName,
    string? GivenNames,
    DateOnly? BirthDate,
    string? Nir,
    string? Email,
    string? Mobile)
{
    /// <summary>The compiler-generated ToString would print every value: a log line must not receive them.</summary>
    public override string ToString() => nameof(PersonalData) + " { … }";
}
