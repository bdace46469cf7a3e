using System.Globalization;
using System.Text;
using Carnet.Identifiers;

namespace Carnet.Records.Credentials;

/// <summary>
/// The rules a holder's password must follow (DOMAIN.md §3). Used at activation and for the live rules shown while the
/// holder types, so every broken rule is returned, not just the first.
/// </summary>
public sealed class PasswordRules(PasswordDictionary dictionary)
{
    public const int MinimumLength = 9;

    public const string TooShort = "password_too_short";
    public const string NeedsLower = "password_needs_lower";
    public const string NeedsUpper = "password_needs_upper";
    public const string NeedsDigit = "password_needs_digit";
    public const string NeedsSpecial = "password_needs_special";
    public const string ContainsPersonalData = "password_contains_personal_data";
    public const string ContainsDictionaryWord = "password_contains_dictionary_word";

    // Names and e-mail parts shorter than this are too common as fragments ("al", "li") to refuse.
    private const int MinimumPersonalFragment = 3;
    private const int NirDigitsInARow = 5;
    private const int MobileDigitsInARow = 6;

    private static readonly string[] DateSeparators = ["", "/", "-", ".", " "];

    /// <summary>Every rule the password breaks; empty when it is acceptable. Messages never quote the password or the personal data.</summary>
    public IReadOnlyList<CredentialProblem> Check(string? password, PersonalData personal)
    {
        var value = password ?? string.Empty;
        var problems = new List<CredentialProblem>();

        // Counted as the holder sees characters: an accented letter typed as letter + accent is one.
        if (new StringInfo(value).LengthInTextElements < MinimumLength)
        {
            problems.Add(new CredentialProblem(TooShort, "Use at least 9 characters."));
        }

        bool lower = false, upper = false, digit = false, special = false;
        foreach (var rune in value.EnumerateRunes())
        {
            lower |= Rune.IsLower(rune);
            upper |= Rune.IsUpper(rune);
            digit |= Rune.IsDigit(rune);
            special |= !Rune.IsLetterOrDigit(rune);
        }

        if (!lower)
        {
            problems.Add(new CredentialProblem(NeedsLower, "Add at least one lower-case letter (a to z)."));
        }

        if (!upper)
        {
            problems.Add(new CredentialProblem(NeedsUpper, "Add at least one capital letter (A to Z)."));
        }

        if (!digit)
        {
            problems.Add(new CredentialProblem(NeedsDigit, "Add at least one digit (0 to 9)."));
        }

        if (!special)
        {
            problems.Add(new CredentialProblem(NeedsSpecial, "Add at least one special character, such as ! ? # % * or a space."));
        }

        if (value.Length == 0)
        {
            return problems;
        }

        var folded = PasswordText.Fold(value);
        if (ContainsPersonal(folded, personal))
        {
            problems.Add(new CredentialProblem(ContainsPersonalData, "Do not use your name, birth date, login or contact details in the password."));
        }

        if (dictionary.IsFoundIn(folded))
        {
            problems.Add(new CredentialProblem(ContainsDictionaryWord, "Do not use a common word or a well-known password, even with letters swapped for digits or symbols: combine unrelated characters instead."));
        }

        return problems;
    }

    private static bool ContainsPersonal(string folded, PersonalData personal)
    {
        // Names may be hidden with leet too ("Dup0nt"); a '1' is read both ways.
        string[] views = [folded, PasswordText.Unleet(folded, 'i'), PasswordText.Unleet(folded, 'l')];

        foreach (var fragment in TextFragments(personal))
        {
            foreach (var view in views)
            {
                if (view.Contains(fragment, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        // Numbers are compared on the folded password only: undoing leet would turn their digits into letters.
        if (personal.BirthDate is { } birthDate && BirthDateForms(birthDate).Any(form => folded.Contains(form, StringComparison.Ordinal)))
        {
            return true;
        }

        if (!string.IsNullOrWhiteSpace(personal.Nir)
            && ContainsRunOf(folded, Normalize.Compact(personal.Nir).ToLowerInvariant(), NirDigitsInARow))
        {
            return true;
        }

        return MobileForms(personal.Mobile).Any(mobile => ContainsRunOf(folded, mobile, MobileDigitsInARow));
    }

    /// <summary>The login, each part of the names and the e-mail local part (whole and by part), folded.</summary>
    private static IEnumerable<string> TextFragments(PersonalData personal)
    {
        if (!string.IsNullOrWhiteSpace(personal.Login) && personal.Login.Trim().Length >= MinimumPersonalFragment)
        {
            yield return PasswordText.Fold(personal.Login.Trim());
        }

        foreach (var name in new[] { personal.FamilyName, personal.GivenNames })
        {
            foreach (var part in Parts(name, char.IsLetter))
            {
                yield return part;
            }
        }

        var at = personal.Email?.LastIndexOf('@') ?? -1;
        if (at > 0)
        {
            var local = PasswordText.Fold(personal.Email![..at]);
            if (local.Length >= MinimumPersonalFragment)
            {
                yield return local;
            }

            foreach (var part in Parts(local, char.IsLetterOrDigit))
            {
                yield return part;
            }
        }
    }

    /// <summary>Folded runs of characters accepted by <paramref name="belongs"/>, of at least 3 characters ("Jean-Éric" gives jean, eric).</summary>
    private static IEnumerable<string> Parts(string? text, Func<char, bool> belongs)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        var folded = PasswordText.Fold(text);
        var start = 0;
        while (start < folded.Length)
        {
            var end = start;
            while (end < folded.Length && belongs(folded[end]))
            {
                end++;
            }

            if (end - start >= MinimumPersonalFragment)
            {
                yield return folded[start..end];
            }

            start = end + 1;
        }
    }

    /// <summary>
    /// The birth year alone, and day and month in both orders with the usual separators. Every longer form
    /// (ddMMyyyy, yyyyMMdd, dd/MM/yyyy, yyyy-MM-dd, MMddyy...) contains one of these, so they are all covered.
    /// </summary>
    private static IEnumerable<string> BirthDateForms(DateOnly date)
    {
        var culture = CultureInfo.InvariantCulture;
        var day = date.Day.ToString("00", culture);
        var month = date.Month.ToString("00", culture);
        yield return date.Year.ToString("0000", culture);
        foreach (var separator in DateSeparators)
        {
            yield return day + separator + month;
            yield return month + separator + day;
            if (separator.Length > 0)
            {
                // Unpadded, as in 5/8/1955; without a separator "58" would be far too short to refuse.
                yield return date.Day.ToString(culture) + separator + date.Month.ToString(culture);
            }
        }
    }

    /// <summary>The mobile's digits as entered and, for a +33 / 0033 number, in the national form 06….</summary>
    private static IEnumerable<string> MobileForms(string? mobile)
    {
        if (string.IsNullOrWhiteSpace(mobile))
        {
            yield break;
        }

        var digits = string.Concat(mobile.Where(char.IsAsciiDigit));
        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        yield return digits;
        if (digits.StartsWith("33", StringComparison.Ordinal) && digits.Length > 2)
        {
            yield return "0" + digits[2..];
        }
    }

    /// <summary>True when <paramref name="text"/> contains any <paramref name="run"/> consecutive characters of <paramref name="source"/>.</summary>
    private static bool ContainsRunOf(string text, string source, int run)
    {
        for (var i = 0; i + run <= source.Length; i++)
        {
            if (text.AsSpan().Contains(source.AsSpan(i, run), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
