namespace Carnet.Jobs;

/// <summary>A job known to the scheduler: its stable name, its type and how often it runs.</summary>
public sealed record JobRegistration(string Name, Type JobType, TimeSpan Interval);
