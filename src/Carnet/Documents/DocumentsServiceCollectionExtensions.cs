using Carnet.Documents.Encryption;
using Carnet.Documents.Storage;
using Carnet.Jobs;
using Carnet.Records;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Documents;

/// <summary>The document library's surface: <c>AddDocuments()</c> and <c>MapDocumentEndpoints()</c>.</summary>
public static class DocumentsServiceCollectionExtensions
{
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration documents, IConfiguration storage, IConfiguration keys)
    {
        services.Configure<DocumentsOptions>(documents);
        services.Configure<StorageOptions>(storage);
        services.Configure<KeyOptions>(keys);
        services.AddSingleton<MasterKeyRing>();
        services.AddSingleton<IBlobStore, FileSystemBlobStore>();
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
        services.AddScoped<ManageFolders>();
        services.AddScoped<IRecordContentPurger, DocumentContentPurger>();
        services.AddScheduledJob<SweepOrphanBlobs>(SweepOrphanBlobs.JobName, TimeSpan.FromHours(1));
        return services;
    }
}
