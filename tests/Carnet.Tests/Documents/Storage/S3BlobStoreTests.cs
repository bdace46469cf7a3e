using System.Collections.Concurrent;
using Amazon.Runtime;
using Amazon.S3;
using Carnet.Documents.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Carnet.Tests.Documents.Storage;

/// <summary>The contract on S3 (s3rver under test.sh), each test under a key prefix of its own in one bucket.</summary>
[RequiresS3]
public sealed class S3BlobStoreTests : BlobStoreContract
{
    private readonly S3StorageOptions _options = TestS3.Options();
    private readonly ConcurrentQueue<string> _requests = new();

    protected override async Task<IBlobStore> CreateStoreAsync()
    {
        var store = TestS3.Store(_options, config => config.HttpClientFactory = new RecordingHttpClientFactory(_requests));
        await store.EnsureBucketAsync(default);
        return store;
    }

    protected override async Task DeleteStoreAsync(IBlobStore store)
    {
        foreach (var key in await ListAsync(""))
        {
            await store.DeleteAsync(key, default);
        }

        ((S3BlobStore)store).Dispose();
    }

    [BlobStoreFact]
    public async Task A_blob_smaller_than_a_part_is_sent_in_one_request()
    {
        _requests.Clear();

        await Store.PutAsync("d/small", new GeneratedStream(S3StorageOptions.MinimumPartSize - 1), default);

        _requests.ShouldBe([$"PUT {S3StorageOptions.MinimumPartSize - 1}"]);
    }

    [BlobStoreFact]
    public async Task A_large_blob_is_sent_in_parts_of_the_configured_size()
    {
        _requests.Clear();
        const int part = S3StorageOptions.MinimumPartSize;

        await Store.PutAsync("d/large", new GeneratedStream((2L * part) + 10), default);

        _requests.ShouldBe(["POST uploads", $"PUT part 1 {part}", $"PUT part 2 {part}", "PUT part 3 10", "POST complete"]);
        await using var read = await Store.OpenReadAsync("d/large", 0, default);
        await GeneratedStream.ShouldMatchAsync(read, 0, (2L * part) + 10);
    }

    [BlobStoreFact]
    public async Task A_blob_of_exactly_one_part_is_a_one_part_upload()
    {
        _requests.Clear();
        const int part = S3StorageOptions.MinimumPartSize;

        await Store.PutAsync("d/one-part", new GeneratedStream(part), default);

        _requests.ShouldBe(["POST uploads", $"PUT part 1 {part}", "POST complete"]);
        await using var read = await Store.OpenReadAsync("d/one-part", 0, default);
        await GeneratedStream.ShouldMatchAsync(read, 0, part);
    }

    [BlobStoreFact]
    public async Task A_failed_multipart_write_is_aborted()
    {
        _requests.Clear();

        await Should.ThrowAsync<IOException>(() => Store.PutAsync("d/failed", new GeneratedStream(20L * MiB) { FailAfter = 7L * MiB }, default));

        _requests.Last().ShouldBe("DELETE upload");
    }

    [BlobStoreFact]
    public async Task Objects_are_stored_under_the_prefix_as_the_bytes_written()
    {
        await Store.PutAsync("d/raw", new MemoryStream("plain bytes"u8.ToArray()), default);

        using var client = TestS3.Client(_options);
        using var response = await client.GetObjectAsync(TestS3.Bucket, $"{_options.Prefix}/d/raw");
        using var reader = new StreamReader(response.ResponseStream);
        // SDK v4 chunk signatures would show here if the store let the SDK use aws-chunked bodies.
        (await reader.ReadToEndAsync()).ShouldBe("plain bytes");
    }

    [BlobStoreFact]
    public async Task Stores_with_different_prefixes_do_not_see_each_other()
    {
        await Store.PutAsync("d/mine", new MemoryStream([1]), default);
        var otherOptions = TestS3.Options();
        using var other = TestS3.Store(otherOptions);
        await other.PutAsync("d/theirs", new MemoryStream([2]), default);

        (await ListAsync("")).ShouldBe(["d/mine"]);
        await Should.ThrowAsync<BlobNotFoundException>(() => Store.OpenReadAsync("d/theirs", 0, default));
        await other.DeleteAsync("d/theirs", default);
    }

    [BlobStoreFact]
    public async Task Listing_follows_every_page()
    {
        using var paged = new S3BlobStore(_options, NullLogger<S3BlobStore>.Instance, configure: null) { ListPageSize = 2 };
        string[] keys = ["p/1", "p/2", "p/3", "p/4", "p/5"];
        foreach (var key in keys)
        {
            await Store.PutAsync(key, new MemoryStream([1]), default);
        }

        var listed = new List<string>();
        await foreach (var key in paged.ListAsync("p/", default))
        {
            listed.Add(key);
        }

        listed.ShouldBe(keys, ignoreOrder: true);
    }

    [BlobStoreFact]
    public async Task A_missing_bucket_is_created_once()
    {
        var options = TestS3.Options(bucket: $"carnet-ensure-{Guid.NewGuid():N}"[..40]);
        using var store = TestS3.Store(options);

        await store.EnsureBucketAsync(default);
        await store.EnsureBucketAsync(default);
        await store.PutAsync("d/in-new-bucket", new MemoryStream([3]), default);

        using var client = TestS3.Client(options);
        (await client.ListBucketsAsync()).Buckets.ShouldContain(b => b.BucketName == options.Bucket);
        await store.DeleteAsync("d/in-new-bucket", default);
        await client.DeleteBucketAsync(options.Bucket);
    }

    [BlobStoreFact]
    public async Task A_missing_bucket_is_not_a_missing_blob()
    {
        var options = TestS3.Options(bucket: "carnet-no-such-bucket");
        using var store = TestS3.Store(options);

        var error = await Should.ThrowAsync<AmazonS3Exception>(() => store.OpenReadAsync("d/x", 0, default));

        error.ErrorCode.ShouldBe("NoSuchBucket");
    }

    /// <summary>Names each request the store sends: method, multipart step and body length.</summary>
    private sealed class RecordingHttpClientFactory(ConcurrentQueue<string> requests) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Recorder(requests));

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        private sealed class Recorder(ConcurrentQueue<string> requests) : DelegatingHandler(new HttpClientHandler())
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var query = request.RequestUri!.Query;
                var method = request.Method.Method;
                var length = request.Content?.Headers.ContentLength;
                var name = (method, query) switch
                {
                    ("POST", _) when query.Contains("uploads") => "POST uploads",
                    ("POST", _) when query.Contains("uploadId") => "POST complete",
                    ("PUT", _) when query.Contains("partNumber") => $"PUT part {PartNumber(query)} {length}",
                    ("DELETE", _) when query.Contains("uploadId") => "DELETE upload",
                    _ => $"{method} {length}",
                };
                if (method is not ("GET" or "HEAD"))
                {
                    requests.Enqueue(name);
                }

                return base.SendAsync(request, cancellationToken);
            }

            private static string PartNumber(string query) =>
                query.TrimStart('?').Split('&').Single(p => p.StartsWith("partNumber=")).Split('=')[1];
        }
    }
}
