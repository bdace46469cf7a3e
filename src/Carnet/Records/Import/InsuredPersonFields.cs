namespace Carnet.Records.Import;

/// <summary>One line of an enrolment file as read, before validation. Values are raw text.</summary>
public sealed class InsuredPersonFields
{
    public long Line { get; init; }

    /// <summary>Set when the line could not even be read (broken JSON, broken CSV quoting).</summary>
    public string? ReadError { get; init; }

    public bool IsBlank { get; init; }

    public string? Nir { get; set; }

    public string? InsAuthority { get; set; }

    public string? FamilyName { get; set; }

    public string? GivenNames { get; set; }

    public string? BirthDate { get; set; }

    public string? VitaleSerial { get; set; }

    public string? Email { get; set; }

    public string? Mobile { get; set; }

    public string? AddressLine1 { get; set; }

    public string? AddressLine2 { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    public string? Country { get; set; }

    public IReadOnlyList<string> Representatives { get; set; } = [];
}
