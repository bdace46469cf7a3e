namespace Carnet.Web.Demo;

/// <summary>Configuration section <c>Carnet:Demo</c> (on in Development).</summary>
public sealed class DemoOptions
{
    /// <summary>Fill a new, empty database with fictitious people, professionals and establishments.</summary>
    public bool Seed { get; set; }

    /// <summary>Where the demo sign-ins are written for developers.</summary>
    public string Directory { get; set; } = "data/demo";
}
