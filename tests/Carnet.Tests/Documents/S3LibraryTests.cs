using System.Globalization;
using System.Security.Cryptography;
using Carnet.Documents;
using Carnet.Documents.Storage;
using Carnet.Tests.Documents.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Tests.Documents;

/// <summary>The library with its content on S3 (s3rver under test.sh): what the file store does, the S3 store does.</summary>
public class S3LibraryTests
{
    [S3Fact]
    public async Task A_large_deposit_is_stored_in_parts_on_S3_retrieved_whole_and_in_ranges_and_orphans_are_swept()
    {
        var s3 = TestS3.Options();
        using (var store = TestS3.Store(s3))
        {
            await store.EnsureBucketAsync(CancellationToken.None);
        }

        await using var library = await Library.OpenAsync(settings: new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Carnet:Storage:Provider"] = "S3",
            ["Carnet:Storage:S3:ServiceUrl"] = s3.ServiceUrl,
            ["Carnet:Storage:S3:Bucket"] = s3.Bucket,
            ["Carnet:Storage:S3:AccessKey"] = s3.AccessKey,
            ["Carnet:Storage:S3:SecretKey"] = s3.SecretKey,
            ["Carnet:Storage:S3:Prefix"] = s3.Prefix,
            ["Carnet:Storage:S3:PartSize"] = s3.PartSize.ToString(CultureInfo.InvariantCulture),
        });
        library.Host.Services.GetRequiredService<IBlobStore>().ShouldBeOfType<S3BlobStore>();
        var content = RandomNumberGenerator.GetBytes((12 * 1024 * 1024) + 3);

        var document = (await library.DepositAsync(library.Lab, Library.LabReport(), content)).Documents.Single().Document;
        await library.Host.RunAsync<ContentVault, StoredContent>(v => v.StoreAsync(library.RecordId, new MemoryStream(Library.Pdf()), 1000, CancellationToken.None));

        (await library.RetrieveAsync(library.Holder, document.Id)).ShouldBe(content);
        (await library.RetrieveAsync(library.Holder, document.Id, new ByteRange(9_000_000, 100))).ShouldBe(content.AsSpan(9_000_000, 100).ToArray());
        library.Host.Clock.Advance(TimeSpan.FromHours(2));
        (await library.Host.RunJobAsync<SweepOrphanBlobs>()).ShouldBe(1);
        (await library.RetrieveAsync(library.Lab, document.Id)).ShouldBe(content);
    }
}

/// <summary>A fact that needs the S3 server test.sh starts: skipped without it, unless CARNET_REQUIRE_S3=1 (then it fails).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class S3FactAttribute : FactAttribute
{
    public S3FactAttribute() => Skip = TestS3.SkipReason;
}
