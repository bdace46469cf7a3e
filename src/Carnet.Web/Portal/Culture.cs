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

    /// <summary>
    /// The time people read on the portal, whatever zone the server runs in (servers usually run in UTC, which put
    /// a document deposited at 00:30 on the day before): the service's zone, <c>Carnet:Records:TimeZone</c>, set at
    /// start-up (<see cref="UseZone"/>); Paris until then.
    /// </summary>
    public static TimeZoneInfo Zone { get; private set; } = new Carnet.Records.RecordsOptions().TimeZoneInfo;

    /// <summary>Called once at start-up with <c>Carnet:Records:TimeZone</c>, the zone birthdays already follow.</summary>
    public static void UseZone(TimeZoneInfo zone) => Zone = zone;

    /// <summary>A moment in the portal's time zone.</summary>
    public static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>A date as people write it in the current language: 2 décembre 2026 / 2 December 2026.</summary>
    public static string Date(DateTimeOffset at) => Local(at).ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A date and time, short: 02/12/2026 14:05 / 12/2/2026 2:05 PM.</summary>
    public static string DateTime(DateTimeOffset at) => Local(at).ToString("g", CultureInfo.CurrentCulture);

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
