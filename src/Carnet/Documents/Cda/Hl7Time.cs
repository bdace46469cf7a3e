using System.Globalization;

namespace Carnet.Documents.Cda;

/// <summary>
/// Reads an HL7 v3 point in time (TS): <c>YYYY[MM[DD[HH[MM[SS[.S…]]]]]][+|-ZZzz]</c>, at whatever
/// precision is given (HL7 V3 Data Types R1, TS literal form).
/// </summary>
internal static class Hl7Time
{
    public const string Pattern = "yyyy[MM[dd[HH[mm[ss[.ffff]]]]]][+|-HHmm]";

    /// <summary>Missing parts are the start of the period; a time without an offset is read as UTC.</summary>
    public static bool TryParse(ReadOnlySpan<char> value, out DateTimeOffset time)
    {
        time = default;
        var zoneAt = value.IndexOfAny('+', '-');
        var local = zoneAt < 0 ? value : value[..zoneAt];
        var dot = local.IndexOf('.');
        var digits = dot < 0 ? local : local[..dot];
        if (digits.Length is not (4 or 6 or 8 or 10 or 12 or 14) || !AllDigits(digits))
        {
            return false;
        }

        long fractionTicks = 0;
        if (dot >= 0)
        {
            var fraction = local[(dot + 1)..];
            if (digits.Length != 14 || fraction.Length is 0 or > 7 || !AllDigits(fraction))
            {
                return false;
            }

            fractionTicks = Number(fraction);
            for (var scale = fraction.Length; scale < 7; scale++)
            {
                fractionTicks *= 10;
            }
        }

        var year = Number(digits[..4]);
        var month = Part(digits, 4, 1);
        var day = Part(digits, 6, 1);
        var hour = Part(digits, 8, 0);
        var minute = Part(digits, 10, 0);
        var second = Part(digits, 12, 0);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var offset = TimeSpan.Zero;
        if (zoneAt >= 0 && !TryParseOffset(value[zoneAt..], out offset))
        {
            return false;
        }

        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fractionTicks;
        var utcTicks = ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        time = new DateTimeOffset(ticks, offset);
        return true;
    }

    private static bool TryParseOffset(ReadOnlySpan<char> zone, out TimeSpan offset)
    {
        offset = default;
        var digits = zone[1..];
        if (digits.Length is not (2 or 4) || !AllDigits(digits))
        {
            return false;
        }

        var hours = Number(digits[..2]);
        var minutes = Part(digits, 2, 0);
        if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0))
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (zone[0] == '-')
        {
            offset = -offset;
        }

        return true;
    }

    private static int Part(ReadOnlySpan<char> digits, int start, int absent) =>
        digits.Length > start ? Number(digits.Slice(start, 2)) : absent;

    private static int Number(ReadOnlySpan<char> digits) =>
        int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static bool AllDigits(ReadOnlySpan<char> digits) => !digits.ContainsAnyExceptInRange('0', '9');
}
