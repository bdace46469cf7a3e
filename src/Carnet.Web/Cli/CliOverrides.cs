namespace Carnet.Web.Cli;

/// <summary>What an embedding program (the tests) changes: extra settings, then service replacements.</summary>
public sealed record CliOverrides(IDictionary<string, string?>? Settings, Action<IServiceCollection>? Services);
