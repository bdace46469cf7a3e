namespace Carnet.Persistence;

/// <summary>The supported databases.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
