using System.Buffers;
using System.Net;
using System.Runtime.CompilerServices;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;

namespace Carnet.Documents.Storage;

/// <summary>
/// Blobs as objects of an S3-compatible bucket, under <see cref="S3StorageOptions.Prefix"/>. A write holds at
/// most one part (<see cref="S3StorageOptions.PartSize"/>) in memory: a blob that fits is one PutObject, a
/// larger one a multipart upload, aborted when the write fails. Some services (s3rver) cannot abort: give
/// the bucket a lifecycle rule that removes incomplete multipart uploads after a day.
/// </summary>
public sealed class S3BlobStore : IBlobStore, IDisposable
{
    // S3 numbers parts from 1 to 10,000: with 8 MiB parts a blob may reach 78 GiB.
    private const int MaxParts = 10_000;

    private readonly AmazonS3Client _client;
    private readonly string _bucket;
    private readonly string _prefix;
    private readonly int _partSize;
    private readonly string _region;
    private readonly ILogger<S3BlobStore> _logger;

    public S3BlobStore(S3StorageOptions options, ILogger<S3BlobStore> logger)
        : this(options, logger, configure: null)
    {
    }

    /// <summary>With <paramref name="configure"/> tests watch the HTTP traffic.</summary>
    internal S3BlobStore(S3StorageOptions options, ILogger<S3BlobStore> logger, Action<AmazonS3Config>? configure)
    {
        _bucket = options.Bucket is { Length: > 0 } bucket ? bucket : throw new ArgumentException("The S3 bucket is required.", nameof(options));
        _prefix = options.Prefix is { Length: > 0 } prefix ? prefix.TrimEnd('/') + "/" : "";
        _partSize = Math.Max(options.PartSize, S3StorageOptions.MinimumPartSize);
        _region = options.Region;
        _logger = logger;

        var config = new AmazonS3Config { ForcePathStyle = options.ForcePathStyle };
        if (options.ServiceUrl is { Length: > 0 } serviceUrl)
        {
            config.ServiceURL = serviceUrl;
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        configure?.Invoke(config);
        _client = options.AccessKey is { Length: > 0 } && options.SecretKey is { Length: > 0 }
            ? new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config)
            : new AmazonS3Client(config);
    }

    /// <summary>Keys per ListObjectsV2 page: S3's maximum, lowered by tests to see several pages.</summary>
    internal int ListPageSize { get; init; } = 1000;

    public async Task PutAsync(string key, Stream content, CancellationToken ct)
    {
        var objectKey = ObjectKey(key);
        var buffer = ArrayPool<byte>.Shared.Rent(_partSize);
        try
        {
            var filled = await FillAsync(content, buffer, ct);
            if (filled < _partSize)
            {
                await PutObjectAsync(objectKey, buffer, filled, ct);
            }
            else
            {
                await PutInPartsAsync(objectKey, content, buffer, filled, ct);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async Task<Stream> OpenReadAsync(string key, long offset, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var request = new GetObjectRequest { BucketName = _bucket, Key = ObjectKey(key) };
        if (offset > 0)
        {
            // RFC 9110 §14.1.2: an open range, from the offset to the end.
            request.ByteRange = new Amazon.S3.Model.ByteRange($"bytes={offset}-");
        }

        try
        {
            var response = await _client.GetObjectAsync(request, ct);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (IsMissingObject(e))
        {
            throw new BlobNotFoundException(key);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // The blob exists but ends before the offset: nothing left to read, as on a file.
            return Stream.Null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken ct)
    {
        var objectKey = ObjectKey(key);
        try
        {
            await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _bucket, Key = objectKey }, ct);
        }
        catch (AmazonS3Exception e) when (IsMissingObject(e))
        {
            // S3 answers 204 for a missing key; some compatible services say 404.
        }
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken ct)
    {
        BlobKey.ValidatePrefix(prefix);
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = _prefix + prefix, MaxKeys = ListPageSize };
        ListObjectsV2Response response;
        do
        {
            response = await _client.ListObjectsV2Async(request, ct);
            foreach (var item in response.S3Objects ?? [])
            {
                var key = item.Key[_prefix.Length..];
                // Folder markers and objects written by other tools are no blobs.
                if (BlobKey.IsValid(key))
                {
                    yield return key;
                }
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
    }

    /// <summary>Creates the bucket when it does not exist: for development and tests; production buckets are provisioned with their policies.</summary>
    public async Task EnsureBucketAsync(CancellationToken ct)
    {
        try
        {
            await _client.HeadBucketAsync(new HeadBucketRequest { BucketName = _bucket }, ct);
            return;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            _logger.LogInformation("Creating the S3 bucket {Bucket}", _bucket);
        }

        var request = new PutBucketRequest { BucketName = _bucket };
        if (!string.Equals(_region, "us-east-1", StringComparison.Ordinal))
        {
            request.BucketRegionName = _region;
        }

        try
        {
            await _client.PutBucketAsync(request, ct);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou")
        {
            // Created meanwhile by another node.
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task PutObjectAsync(string objectKey, byte[] buffer, int length, CancellationToken ct)
    {
        using var body = new MemoryStream(buffer, 0, length, writable: false);
        await _client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket,
            Key = objectKey,
            InputStream = body,
            AutoCloseStream = false,
            // SDK v4 otherwise sends aws-chunked bodies, which s3rver stores signatures and all (TOOLCHAIN.md).
            UseChunkEncoding = false,
        }, ct);
    }

    private async Task PutInPartsAsync(string objectKey, Stream content, byte[] buffer, int filled, CancellationToken ct)
    {
        var upload = await _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = _bucket, Key = objectKey }, ct);
        try
        {
            var parts = new List<PartETag>();
            while (filled > 0)
            {
                var number = parts.Count + 1;
                if (number > MaxParts)
                {
                    throw new InvalidOperationException($"The blob exceeds {MaxParts} parts of {_partSize} bytes: raise Carnet:Storage:S3:PartSize.");
                }

                using (var body = new MemoryStream(buffer, 0, filled, writable: false))
                {
                    var part = await _client.UploadPartAsync(new UploadPartRequest
                    {
                        BucketName = _bucket,
                        Key = objectKey,
                        UploadId = upload.UploadId,
                        PartNumber = number,
                        PartSize = filled,
                        InputStream = body,
                        UseChunkEncoding = false,
                    }, ct);
                    parts.Add(new PartETag(number, part.ETag));
                }

                filled = await FillAsync(content, buffer, ct);
            }

            await _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = _bucket,
                Key = objectKey,
                UploadId = upload.UploadId,
                PartETags = parts,
            }, ct);
        }
        catch
        {
            await AbortAsync(objectKey, upload.UploadId);
            throw;
        }
    }

    private async Task AbortAsync(string objectKey, string uploadId)
    {
        try
        {
            // Not the caller's token: a cancelled write must still release its parts.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = _bucket, Key = objectKey, UploadId = uploadId }, timeout.Token);
        }
        catch (Exception e)
        {
            // The write has already failed; its parts stay until the bucket's lifecycle rule removes them.
            _logger.LogWarning(e, "Could not abort the multipart upload {UploadId} of {Key} in bucket {Bucket}", uploadId, objectKey, _bucket);
        }
    }

    /// <summary>Reads until the buffer holds a whole part or the stream ends.</summary>
    private async Task<int> FillAsync(Stream content, byte[] buffer, CancellationToken ct)
    {
        var filled = 0;
        while (filled < _partSize)
        {
            var read = await content.ReadAsync(buffer.AsMemory(filled, _partSize - filled), ct);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }

    private string ObjectKey(string key)
    {
        BlobKey.Validate(key);
        return _prefix + key;
    }

    // A missing bucket is a configuration error, not a missing blob: it keeps its own exception.
    private static bool IsMissingObject(AmazonS3Exception e) =>
        e.ErrorCode is "NoSuchKey" || (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode is not "NoSuchBucket");
}
