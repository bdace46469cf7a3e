namespace Carnet.Jobs;

/// <summary>What one run of a job did: handled items, or why it did not run.</summary>
public sealed record JobRunResult(string Name, bool Ran, int Handled, string? Error);
