namespace Carnet.Bench.Seed;

/// <summary>One column of a COPY as the EF Core model maps it: name, store type, and the provider conversion of its value.</summary>
public sealed record CopyColumn(string Name, string StoreType, string Property, Func<object, object?> Read, Func<object, object> ToProvider);
