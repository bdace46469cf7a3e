namespace Carnet.Documents.Storage;

/// <summary>Configuration section <c>Carnet:Storage:S3</c>: S3-compatible object storage, used when the provider is <c>S3</c>.</summary>
public sealed class S3StorageOptions
{
    /// <summary>S3's lower bound for every part of a multipart upload but the last.</summary>
    public const int MinimumPartSize = 5 * 1024 * 1024;

    /// <summary>The endpoint of an S3-compatible service (MinIO, Garage, a cloud provider); empty for AWS itself, found from <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    public string? Bucket { get; set; }

    /// <summary>With <see cref="SecretKey"/>; when both are empty the SDK's own chain applies (AWS_* variables, instance role).</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Bucket in the path (<c>host/bucket/key</c>) rather than the host name: what most S3-compatible services expect.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>Put in front of every key, so several deployments can share a bucket; a <c>/</c> is added when missing.</summary>
    public string? Prefix { get; set; }

    /// <summary>Bytes held in memory per upload, and the size of each part of a multipart upload.</summary>
    public int PartSize { get; set; } = 8 * 1024 * 1024;
}
