using Carnet.Documents.Encryption;
using Carnet.Documents.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Documents;

/// <summary>The document library's surface. For now: its storage settings and master keys (the library is issue #4).</summary>
public static class DocumentsServiceCollectionExtensions
{
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration storage, IConfiguration keys)
    {
        services.Configure<StorageOptions>(storage);
        services.Configure<KeyOptions>(keys);
        services.AddSingleton<MasterKeyRing>();
        return services;
    }
}
