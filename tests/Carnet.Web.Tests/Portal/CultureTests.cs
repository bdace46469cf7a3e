using System.Globalization;
using Carnet.Web.Portal;

namespace Carnet.Web.Tests.Portal;

/// <summary>Dates and sizes as the portal writes them: in the person's language, at French time whatever the server's zone.</summary>
public sealed class CultureTests
{
    [Fact]
    public void A_document_deposited_half_an_hour_after_midnight_in_paris_shows_that_day_on_a_server_running_in_utc()
    {
        var at = new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero);

        In("fr", () => Culture.Date(at)).ShouldBe("2 mars 2026");
        In("en", () => Culture.Date(at)).ShouldBe("2 March 2026");
    }

    [Fact]
    public void Summer_time_is_followed()
    {
        var at = new DateTimeOffset(2026, 7, 14, 22, 15, 0, TimeSpan.Zero);

        In("fr", () => Culture.DateTime(at)).ShouldBe("15/07/2026 00:15");
    }

    [Fact]
    public void Sizes_are_written_the_way_each_language_reads_them()
    {
        In("fr", () => Culture.Size(1_234_567)).ShouldBe("1,2 Mo");
        In("en", () => Culture.Size(1_234_567)).ShouldBe("1.2 MB");
        In("fr", () => Culture.Size(27)).ShouldBe("27 o");
    }

    private static string In(string culture, Func<string> write)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return write();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
