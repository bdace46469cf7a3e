using Carnet.Documents.Encryption;
using Carnet.Documents.Storage;
using Carnet.Persistence;
using Microsoft.Extensions.Options;

namespace Carnet.Web;

/// <summary>What must be true before serving or running a command: schema migrated, keys loaded, storage present.</summary>
public static class StartupTasks
{
    public static async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        if (provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        }

        provider.GetRequiredService<MasterKeyRing>();
        var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (storage.Provider == StorageProvider.FileSystem)
        {
            Directory.CreateDirectory(storage.Path);
        }
    }
}
