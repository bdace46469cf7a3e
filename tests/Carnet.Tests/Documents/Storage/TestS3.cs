using Amazon.Runtime;
using Amazon.S3;
using Carnet.Documents.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Carnet.Tests.Documents.Storage;

/// <summary>
/// The S3 service of the tests: its URL comes from <c>CARNET_TEST_S3</c> (tools/s3.sh start, run by test.sh); with
/// <c>CARNET_REQUIRE_S3=1</c> its absence fails the S3 tests instead of skipping them. Credentials are s3rver's.
/// </summary>
public static class TestS3
{
    public const string Variable = "CARNET_TEST_S3";
    public const string RequireVariable = "CARNET_REQUIRE_S3";
    public const string Bucket = "carnet-tests";

    public static string? ServiceUrl => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    public static string? SkipReason =>
        ServiceUrl is not null || Required ? null : $"S3 not configured: run ./test.sh, or set {Variable} to the URL printed by 'tools/s3.sh start'.";

    /// <summary>Settings for a store of its own: a prefix no other test uses, in the shared test bucket.</summary>
    public static S3StorageOptions Options(string? bucket = null) => new()
    {
        ServiceUrl = ServiceUrl ?? throw new InvalidOperationException($"{RequireVariable}=1 but {Variable} is not set: start s3rver with ./test.sh or tools/s3.sh start."),
        Bucket = bucket ?? Bucket,
        AccessKey = "S3RVER",
        SecretKey = "S3RVER",
        Prefix = $"t{Guid.NewGuid():N}",
        PartSize = S3StorageOptions.MinimumPartSize,
    };

    public static S3BlobStore Store(S3StorageOptions options, Action<AmazonS3Config>? configure = null) =>
        new(options, NullLogger<S3BlobStore>.Instance, configure);

    /// <summary>A client of its own, to look at the bucket behind the store's back.</summary>
    public static AmazonS3Client Client(S3StorageOptions options) =>
        new(new BasicAWSCredentials(options.AccessKey, options.SecretKey), new AmazonS3Config
        {
            ServiceURL = options.ServiceUrl,
            AuthenticationRegion = options.Region,
            ForcePathStyle = true,
        });
}
