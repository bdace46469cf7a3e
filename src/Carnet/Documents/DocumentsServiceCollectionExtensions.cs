using Carnet.Documents.Encryption;
using Carnet.Documents.Storage;
using Carnet.Jobs;
using Carnet.Records;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Carnet.Documents;

/// <summary>The document library's surface: <c>AddDocuments()</c> and <c>MapDocumentEndpoints()</c>.</summary>
public static class DocumentsServiceCollectionExtensions
{
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration documents, IConfiguration storage, IConfiguration keys)
    {
        services.Configure<DocumentsOptions>(documents);

        // Messages name the settings as the host spells them (Carnet:Storage:S3:Bucket).
        var section = (storage as IConfigurationSection)?.Path ?? "Carnet:Storage";
        services.AddOptions<StorageOptions>().Bind(storage).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>>(new StorageOptionsValidator(section));
        services.AddSingleton<IBlobStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.Provider switch
            {
                StorageProvider.S3 => new S3BlobStore(options.S3, provider.GetRequiredService<ILogger<S3BlobStore>>()),
                _ => new FileSystemBlobStore(options.Path, provider.GetRequiredService<TimeProvider>()),
            };
        });

        services.Configure<KeyOptions>(keys);
        services.AddSingleton<MasterKeyRing>();
        services.AddScoped<RecordKeys>();
        services.AddScoped<ContentVault>();
        services.AddScoped<CdaInspection>();
        services.AddScoped<DepositDocuments>();
        services.AddScoped<StageBinary>();
        services.AddScoped<FindDocuments>();
        services.AddScoped<ReadDocument>();
        services.AddScoped<ChangeDocument>();
        services.AddScoped<DeleteDocuments>();
        services.AddScoped<ReportMisfiledDocument>();
        services.AddScoped<AnnounceDocument>();
        services.AddScoped<ManageFolders>();
        services.AddScoped<IRecordContentPurger, DocumentContentPurger>();
        services.AddScheduledJob<SweepOrphanBlobs>(SweepOrphanBlobs.JobName, TimeSpan.FromHours(1));
        services.AddScheduledJob<RewrapRecordKeys>(RewrapRecordKeys.JobName, TimeSpan.FromMinutes(10));
        return services;
    }
}
