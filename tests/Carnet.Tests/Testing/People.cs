using System.Globalization;
using Carnet.Identifiers;

namespace Carnet.Tests.Testing;

/// <summary>Fictitious insured persons as enrolment lines, with valid NIRs.</summary>
public static class People
{
    /// <summary>A valid NIR from its 13 first characters.</summary>
    public static string Nir(string first13) => first13 + Carnet.Identifiers.Nir.ComputeKey(first13).ToString("00", CultureInfo.InvariantCulture);

    public static readonly string Alice = Nir("2850375056123");
    public static readonly string Bruno = Nir("1790169123045");
    public static readonly string Chloe = Nir("2990113055221");
    public static readonly string Child = Nir("1140669123045");
    public static readonly string Parent = Nir("2820375056888");

    public const string AliceVitale = "80250123456";
    public const string AliceEmail = "alice@example.org";
    public const string AliceMobile = "+33612345678";

    public static string AliceLine() => Line(Alice, "MARTIN", "Alice", "1985-03-21", AliceVitale, email: AliceEmail, mobile: "06 12 34 56 78");

    public static string BrunoByPost() => Line(Bruno, "DURAND", "Bruno", "1979-01-03", "80250987654", address: ("4 rue des Lilas", "69001", "Lyon"));

    public static string ChildLine(params string[] representatives) =>
        Line(Child, "MARTIN", "Léo", "2014-06-02", AliceVitale, email: AliceEmail, representatives: representatives);

    public static string Line(
        string nir,
        string familyName,
        string givenNames,
        string birthDate,
        string vitale,
        string? email = null,
        string? mobile = null,
        (string Line1, string PostalCode, string City)? address = null,
        string[]? representatives = null,
        string? insAuthority = null)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["nir"] = nir,
            ["family_name"] = familyName,
            ["given_names"] = givenNames,
            ["birth_date"] = birthDate,
            ["vitale_serial"] = vitale,
        };
        if (email is not null)
        {
            fields["email"] = email;
        }

        if (mobile is not null)
        {
            fields["mobile"] = mobile;
        }

        if (address is { } a)
        {
            fields["address_line1"] = a.Line1;
            fields["postal_code"] = a.PostalCode;
            fields["city"] = a.City;
        }

        if (representatives is { Length: > 0 })
        {
            fields["representatives"] = representatives;
        }

        if (insAuthority is not null)
        {
            fields["ins_authority"] = insAuthority;
        }

        return System.Text.Json.JsonSerializer.Serialize(fields);
    }

    public static Ins InsOf(string nir) => new(Carnet.Identifiers.Nir.Parse(nir), InsAuthority.InsNir);
}
