using System.Globalization;
using Carnet.Identifiers;

namespace Carnet.Records.Import;

/// <summary>
/// Turns a read line into an <see cref="InsuredPerson"/>, or says for each wrong field what is wrong
/// (never quoting the value: enrolment files are full of personal data).
/// </summary>
public sealed class InsuredPersonValidator(bool allowTestAuthorities)
{
    private const int MaxNameLength = 200;

    public InsuredPerson? Validate(InsuredPersonFields line, DateOnly today, ICollection<ImportLineError> errors)
    {
        var before = errors.Count;
        void Fail(string field, string problem) => errors.Add(new ImportLineError(line.Line, field, problem));

        if (line.ReadError is not null)
        {
            Fail("line", line.ReadError);
            return null;
        }

        var authority = InsAuthority.InsNir;
        if (line.InsAuthority is not null)
        {
            if (!InsAuthorities.TryFromOid(line.InsAuthority.Trim(), out authority))
            {
                Fail(EnrolmentColumns.InsAuthority, $"is not an INS authority OID; leave it empty for INS-NIR or use {InsAuthorities.OidPrefix}8 or {InsAuthorities.OidPrefix}9.");
            }
            else if (authority.IsTestOrDemo() && !allowTestAuthorities)
            {
                Fail(EnrolmentColumns.InsAuthority, "test and demo INS authorities are refused in production; use INS-NIR.");
            }
        }

        if (!Nir.TryParse(line.Nir, EnrolmentColumns.Nir, authority == InsAuthority.InsNia, out var nir, out var nirError))
        {
            Fail(nirError.Field, nirError.Problem);
        }

        var familyName = Name(line.FamilyName, EnrolmentColumns.FamilyName, Fail);
        var givenNames = Name(line.GivenNames, EnrolmentColumns.GivenNames, Fail);
        var birthDate = BirthDate(line.BirthDate, nir, today, Fail);

        if (!VitaleSerial.TryParse(line.VitaleSerial, EnrolmentColumns.VitaleSerial, out var vitale, out var vitaleError))
        {
            Fail(vitaleError.Field, vitaleError.Problem);
        }

        var email = Email(line.Email, Fail);
        var mobile = Mobile(line.Mobile, Fail);
        var address = Address(line, Fail);
        if (line.Email is null && address is null && !errors.Skip(before).Any(e => e.Field.StartsWith("address", StringComparison.Ordinal)))
        {
            Fail(EnrolmentColumns.Email, "no e-mail and no postal address: the notice cannot be sent; give at least one of them.");
        }

        var representatives = Representatives(line.Representatives, nir, birthDate, today, Fail);

        if (errors.Count > before)
        {
            return null;
        }

        return new InsuredPerson(nir!, authority, familyName!, givenNames!, birthDate!.Value, vitale!, email, mobile, address, representatives);
    }

    private static string? Name(string? value, string field, Action<string, string> fail)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            fail(field, "is required.");
            return null;
        }

        if (trimmed.Length > MaxNameLength)
        {
            fail(field, $"is longer than {MaxNameLength} characters.");
            return null;
        }

        if (trimmed.Any(char.IsControl))
        {
            fail(field, "contains control characters (tabs or line breaks); remove them.");
            return null;
        }

        return trimmed;
    }

    private static DateOnly? BirthDate(string? value, Nir? nir, DateOnly today, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            fail(EnrolmentColumns.BirthDate, "is required, as yyyy-MM-dd.");
            return null;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            fail(EnrolmentColumns.BirthDate, "must be a date written yyyy-MM-dd, for example 1985-03-21.");
            return null;
        }

        if (date > today)
        {
            fail(EnrolmentColumns.BirthDate, "is in the future.");
            return null;
        }

        if (nir is not null && !nir.IsTemporary)
        {
            // Identity vigilance: the NIR encodes the year and (unless unknown) the month of birth.
            var year = int.Parse(nir.Value.AsSpan(1, 2), CultureInfo.InvariantCulture);
            var month = int.Parse(nir.Value.AsSpan(3, 2), CultureInfo.InvariantCulture);
            if (date.Year % 100 != year || (month is >= 1 and <= 12 && date.Month != month))
            {
                fail(EnrolmentColumns.BirthDate, "does not match the year and month of birth in the NIR; check both.");
                return null;
            }
        }

        return date;
    }

    private static string? Email(string? value, Action<string, string> fail)
    {
        if (value is null)
        {
            return null;
        }

        if (!ContactDetails.TryNormaliseEmail(value, out var email))
        {
            fail(EnrolmentColumns.Email, "is not a valid e-mail address (expected name@domain.tld).");
            return null;
        }

        return email;
    }

    private static string? Mobile(string? value, Action<string, string> fail)
    {
        if (value is null)
        {
            return null;
        }

        if (!ContactDetails.TryNormaliseMobile(value, out var e164))
        {
            fail(EnrolmentColumns.Mobile, "is not a phone number: use 06 12 34 56 78 or the international form +33612345678.");
            return null;
        }

        return e164;
    }

    private static PostalAddress? Address(InsuredPersonFields line, Action<string, string> fail)
    {
        var any = line.AddressLine1 is not null || line.AddressLine2 is not null || line.PostalCode is not null || line.City is not null;
        if (!any)
        {
            return null;
        }

        var ok = true;
        if (string.IsNullOrWhiteSpace(line.AddressLine1))
        {
            fail(EnrolmentColumns.AddressLine1, "is required when a postal address is given.");
            ok = false;
        }

        if (string.IsNullOrWhiteSpace(line.PostalCode))
        {
            fail(EnrolmentColumns.PostalCode, "is required when a postal address is given.");
            ok = false;
        }

        if (string.IsNullOrWhiteSpace(line.City))
        {
            fail(EnrolmentColumns.City, "is required when a postal address is given.");
            ok = false;
        }

        ok &= Fits(line.AddressLine1, EnrolmentColumns.AddressLine1, 200, fail)
            & Fits(line.AddressLine2, EnrolmentColumns.AddressLine2, 200, fail)
            & Fits(line.PostalCode, EnrolmentColumns.PostalCode, 20, fail)
            & Fits(line.City, EnrolmentColumns.City, 100, fail)
            & Fits(line.Country, EnrolmentColumns.Country, 100, fail);
        return ok
            ? new PostalAddress(line.AddressLine1!.Trim(), line.AddressLine2?.Trim(), line.PostalCode!.Trim(), line.City!.Trim(), string.IsNullOrWhiteSpace(line.Country) ? "France" : line.Country.Trim())
            : null;
    }

    private static bool Fits(string? value, string field, int length, Action<string, string> fail)
    {
        if (value is null || value.Trim().Length <= length)
        {
            return true;
        }

        fail(field, $"is longer than {length} characters.");
        return false;
    }

    private static List<Nir> Representatives(IReadOnlyList<string> values, Nir? person, DateOnly? birthDate, DateOnly today, Action<string, string> fail)
    {
        var result = new List<Nir>();
        if (values.Count > 2)
        {
            fail(EnrolmentColumns.Representatives, "lists more than two legal representatives; a record has at most two.");
            return result;
        }

        foreach (var value in values)
        {
            if (!Nir.TryParse(value, EnrolmentColumns.Representatives, allowTemporary: false, out var nir, out var error))
            {
                fail(error.Field, error.Problem);
                continue;
            }

            if (nir == person)
            {
                fail(EnrolmentColumns.Representatives, "names the person themself; list the parents' or guardian's NIR.");
                continue;
            }

            if (!result.Contains(nir))
            {
                result.Add(nir);
            }
        }

        if (birthDate is { } born && today < born.AddYears(LifecycleRules.AgeOfMajority) && values.Count == 0)
        {
            fail(EnrolmentColumns.Representatives, "a minor's record is attached to a legal representative: give the NIR of at least one parent.");
        }

        return result;
    }
}
