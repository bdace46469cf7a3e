namespace Carnet.Records.Import;

/// <summary>The column (CSV) and property (NDJSON) names of an enrolment file; see docs/operator/enrolment-files.md.</summary>
public static class EnrolmentColumns
{
    public const string Nir = "nir";
    public const string InsAuthority = "ins_authority";
    public const string FamilyName = "family_name";
    public const string GivenNames = "given_names";
    public const string BirthDate = "birth_date";
    public const string VitaleSerial = "vitale_serial";
    public const string Email = "email";
    public const string Mobile = "mobile";
    public const string AddressLine1 = "address_line1";
    public const string AddressLine2 = "address_line2";
    public const string PostalCode = "postal_code";
    public const string City = "city";
    public const string Country = "country";
    public const string Representatives = "representatives";

    public static readonly IReadOnlyList<string> Required = [Nir, FamilyName, GivenNames, BirthDate, VitaleSerial];

    public static readonly IReadOnlyList<string> All =
        [Nir, InsAuthority, FamilyName, GivenNames, BirthDate, VitaleSerial, Email, Mobile, AddressLine1, AddressLine2, PostalCode, City, Country, Representatives];

    /// <summary>Sets one field by its column name; false for an unknown name.</summary>
    public static bool Set(InsuredPersonFields fields, string column, string? value)
    {
        switch (column)
        {
            case Nir: fields.Nir = value; break;
            case InsAuthority: fields.InsAuthority = value; break;
            case FamilyName: fields.FamilyName = value; break;
            case GivenNames: fields.GivenNames = value; break;
            case BirthDate: fields.BirthDate = value; break;
            case VitaleSerial: fields.VitaleSerial = value; break;
            case Email: fields.Email = value; break;
            case Mobile: fields.Mobile = value; break;
            case AddressLine1: fields.AddressLine1 = value; break;
            case AddressLine2: fields.AddressLine2 = value; break;
            case PostalCode: fields.PostalCode = value; break;
            case City: fields.City = value; break;
            case Country: fields.Country = value; break;
            case Representatives: fields.Representatives = SplitList(value); break;
            default: return false;
        }

        return true;
    }

    /// <summary>Representatives in CSV: NIRs separated by ';' (or '|').</summary>
    public static IReadOnlyList<string> SplitList(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : value.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
