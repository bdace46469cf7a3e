namespace Carnet.Records;

/// <summary>Configuration section <c>Carnet:Records</c>.</summary>
public sealed class RecordsOptions
{
    /// <summary>The portal's public address, written in notices.</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:5080/");

    /// <summary>How long a provisional code stays valid: it must outlast the six-week opposition window and postal delays.</summary>
    public TimeSpan ProvisionalCodeLifetime { get; set; } = TimeSpan.FromDays(60);

    private TimeZoneInfo? _timeZone;

    /// <summary>Requests per minute and client address to the enrolment and activation endpoints (no account yet to limit).</summary>
    public int EnrolmentRequestsPerMinute { get; set; } = 20;

    /// <summary>The time zone in which birthdays (majority at 18) begin.</summary>
    public string TimeZone { get; set; } = "Europe/Paris";

    public TimeZoneInfo TimeZoneInfo => _timeZone is { } zone && string.Equals(zone.Id, TimeZone, StringComparison.Ordinal)
        ? zone
        : _timeZone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The calendar day in the service's time zone.</summary>
    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo).DateTime);
}
