using System.Globalization;

namespace Carnet.Web.Portal;

/// <summary>
/// The portal's two languages: French by default, English on request (the language switch sets a cookie,
/// <c>?culture=en&amp;ui-culture=en</c> works too). Dates and numbers follow the same culture.
/// </summary>
public static class Culture
{
    public const string French = "fr";
    public const string EnglishName = "en";

    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == EnglishName;

    /// <summary>A date as people write it in the current language: 2 décembre 2026 / 2 December 2026.</summary>
    public static string Date(DateTimeOffset at) => at.ToLocalTime().ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A date and time, short: 02/12/2026 14:05 / 12/2/2026 2:05 PM.</summary>
    public static string DateTime(DateTimeOffset at) => at.ToLocalTime().ToString("g", CultureInfo.CurrentCulture);

    /// <summary>A size in bytes as a person reads it: 1,2 Mo / 1.2 MB.</summary>
    public static string Size(long bytes)
    {
        var (value, unit) = bytes switch
        {
            < 1_000 => (bytes, English ? "B" : "o"),
            < 1_000_000 => (bytes / 1_000d, English ? "kB" : "ko"),
            _ => (bytes / 1_000_000d, English ? "MB" : "Mo"),
        };
        return $"{value.ToString(value < 10 ? "0.#" : "0", CultureInfo.CurrentCulture)} {unit}";
    }
}
