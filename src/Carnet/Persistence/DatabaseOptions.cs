namespace Carnet.Persistence;

/// <summary>Configuration section <c>Carnet:Database</c>; the connection string is <c>ConnectionStrings:Carnet</c>.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the host starts. Turn off when migrations are run by a release step.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
