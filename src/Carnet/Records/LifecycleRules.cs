namespace Carnet.Records;

/// <summary>The durations of the record lifecycle, each from the law (DOMAIN.md §3).</summary>
public static class LifecycleRules
{
    /// <summary>The record is created six weeks after the notice unless the person objects (CSP R1111-28: six weeks from sending the information).</summary>
    public static readonly TimeSpan OppositionWindow = TimeSpan.FromDays(42);

    /// <summary>Without objection within six weeks of the information, a suspended record is closed (CSP R1111-36).</summary>
    public static readonly TimeSpan SuspensionObjectionWindow = TimeSpan.FromDays(42);

    /// <summary>A new provisional code may be requested at most once every 30 seconds (product rule).</summary>
    public static readonly TimeSpan ProvisionalCodeResendInterval = TimeSpan.FromSeconds(30);

    /// <summary>Wrong provisional codes in a row before the record refuses codes for a while (lockout, issue #3).</summary>
    public const int ProvisionalCodeMaxFailures = 5;

    /// <summary>How long a record refuses provisional codes after too many wrong ones.</summary>
    public static readonly TimeSpan ProvisionalCodeLockout = TimeSpan.FromMinutes(15);

    /// <summary>Refuses a new code asked less than 30 seconds after the previous one, saying how long to wait.</summary>
    public static void EnsureNewCodeAllowed(DateTimeOffset? lastSent, DateTimeOffset now)
    {
        if (lastSent is { } sent && now - sent < ProvisionalCodeResendInterval)
        {
            var wait = (int)Math.Ceiling((ProvisionalCodeResendInterval - (now - sent)).TotalSeconds);
            throw new LifecycleException("code_requested_too_soon", $"A code was sent less than 30 seconds ago. Wait {wait} s before asking for a new one.");
        }
    }

    /// <summary>Representatives of a minor lose access at 18 (DOMAIN.md §3.4).</summary>
    public const int AgeOfMajority = 18;

    /// <summary>Closed records are archived ten years, then purged (CSP R1111-36).</summary>
    public static DateTimeOffset ArchiveEnds(DateTimeOffset closedAt) => closedAt.AddYears(10);

    /// <summary>An express deletion request is carried out within three months at most (CSP R1111-36).</summary>
    public static DateTimeOffset DeletionDeadline(DateTimeOffset requestedAt) => requestedAt.AddMonths(3);
}
