namespace Carnet.Tests;

/// <summary>
/// A clock tests set and move by hand. Only the wall clock is fake: timers and timestamps
/// (<see cref="TimeProvider.CreateTimer"/>, <see cref="TimeProvider.GetTimestamp"/>) stay real,
/// so timeouts still fire.
/// </summary>
public sealed class FakeClock : TimeProvider
{
    /// <summary>Monday 5 January 2026, 09:00 UTC.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly Lock _gate = new();
    private DateTimeOffset _utcNow;

    public FakeClock()
        : this(DefaultStart)
    {
    }

    public FakeClock(DateTimeOffset start) => UtcNow = start;

    /// <summary>The current instant, always held in UTC.</summary>
    public DateTimeOffset UtcNow
    {
        get
        {
            lock (_gate)
            {
                return _utcNow;
            }
        }

        set
        {
            lock (_gate)
            {
                _utcNow = value.ToUniversalTime();
            }
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => UtcNow;

    /// <summary>Moves the clock forward; use the <see cref="UtcNow"/> setter to go back on purpose.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_gate)
        {
            _utcNow += by;
        }
    }
}
