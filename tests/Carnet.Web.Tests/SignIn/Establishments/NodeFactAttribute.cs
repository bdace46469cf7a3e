namespace Carnet.Web.Tests.SignIn.Establishments;

/// <summary>A fact that runs a Node.js script: skipped, saying why, only when <c>node</c> is not on the PATH.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (NodePath is null)
        {
            Skip = "node is not on the PATH: install Node.js 18 or later to run the README's tools/lab-call.mjs example.";
        }
    }

    /// <summary>The node executable found on the PATH, if any.</summary>
    public static string? NodePath { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? "node.exe" : "node"))
        .FirstOrDefault(File.Exists);
}
