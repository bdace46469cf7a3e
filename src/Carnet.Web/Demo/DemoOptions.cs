namespace Carnet.Web.Demo;

/// <summary>Configuration section <c>Carnet:Demo</c> (on in Development).</summary>
public sealed class DemoOptions
{
    /// <summary>Fill a new, empty database with fictitious people, professionals and establishments.</summary>
    public bool Seed { get; set; }

    /// <summary>Put a few documents in the demo records (off for scripts that count every blob, bench/scripts/crash-check.sh).</summary>
    public bool Documents { get; set; } = true;

    /// <summary>Where the demo sign-ins are written for developers.</summary>
    public string Directory { get; set; } = "data/demo";
}
