using Carnet.Persistence;

namespace Carnet.Tests.Testing;

/// <summary>One test's own database; dropped on dispose.</summary>
public sealed class TestDatabase(DatabaseProvider provider, string connectionString, Func<Task> drop) : IAsyncDisposable
{
    public DatabaseProvider Provider { get; } = provider;

    public string ConnectionString { get; } = connectionString;

    public ValueTask DisposeAsync() => new(drop());
}
