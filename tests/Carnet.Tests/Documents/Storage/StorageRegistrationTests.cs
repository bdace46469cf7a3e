using Carnet.Documents;
using Carnet.Documents.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Carnet.Tests.Documents.Storage;

public sealed class StorageRegistrationTests
{
    [Fact]
    public void The_file_system_store_is_the_default()
    {
        using var services = Build([]);

        services.GetRequiredService<IBlobStore>().ShouldBeOfType<FileSystemBlobStore>();
        services.GetRequiredService<IBlobStore>().ShouldBeSameAs(services.GetRequiredService<IBlobStore>());
    }

    [Fact]
    public void The_S3_store_is_chosen_by_the_provider_setting()
    {
        using var services = Build(new()
        {
            ["Carnet:Storage:Provider"] = "S3",
            ["Carnet:Storage:S3:ServiceUrl"] = "http://127.0.0.1:1",
            ["Carnet:Storage:S3:Bucket"] = "documents",
        });

        services.GetRequiredService<IOptions<StorageOptions>>().Value.S3.PartSize.ShouldBe(8 * 1024 * 1024);
        services.GetRequiredService<IBlobStore>().ShouldBeOfType<S3BlobStore>();
    }

    [Fact]
    public void A_missing_bucket_stops_the_start_naming_the_setting()
    {
        using var services = Build(new() { ["Carnet:Storage:Provider"] = "S3" });

        var refused = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        refused.Message.ShouldContain("Carnet:Storage:S3:Bucket is required when Carnet:Storage:Provider is S3");
        Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IBlobStore>());
    }

    [Fact]
    public void A_secret_key_without_its_access_key_is_refused_without_printing_it()
    {
        using var services = Build(new()
        {
            ["Carnet:Storage:Provider"] = "S3",
            ["Carnet:Storage:S3:Bucket"] = "documents",
            ["Carnet:Storage:S3:SecretKey"] = "do-not-print-me",
            ["Carnet:Storage:S3:PartSize"] = "1048576",
            ["Carnet:Storage:S3:ServiceUrl"] = "s3.example.net",
            ["Carnet:Storage:S3:Prefix"] = "../up",
        });

        var refused = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        refused.Message.ShouldContain("Carnet:Storage:S3:AccessKey is required with Carnet:Storage:S3:SecretKey");
        refused.Message.ShouldContain("Carnet:Storage:S3:PartSize must be at least 5242880 bytes");
        refused.Message.ShouldContain("Carnet:Storage:S3:ServiceUrl must be an absolute http(s) URL");
        refused.Message.ShouldContain("Carnet:Storage:S3:Prefix is invalid");
        refused.Message.ShouldNotContain("do-not-print-me");
    }

    [Fact]
    public void File_system_settings_are_not_checked_against_S3_rules()
    {
        using var services = Build(new() { ["Carnet:Storage:S3:PartSize"] = "1" });

        services.GetRequiredService<IStartupValidator>().Validate();
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var carnet = configuration.GetSection("Carnet");
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddDocuments(carnet.GetSection("Documents"), carnet.GetSection("Storage"), carnet.GetSection("Keys"))
            .BuildServiceProvider();
    }
}
