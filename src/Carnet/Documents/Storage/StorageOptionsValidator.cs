using Microsoft.Extensions.Options;

namespace Carnet.Documents.Storage;

/// <summary>Refuses to start with a storage setting missing or wrong, naming the setting (<paramref name="section"/> is where the host reads them).</summary>
internal sealed class StorageOptionsValidator(string section) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (options.Provider == StorageProvider.FileSystem && string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add($"{section}:Path is required when {section}:Provider is FileSystem.");
        }

        if (options.Provider == StorageProvider.S3)
        {
            var s3 = options.S3;
            var when = $"when {section}:Provider is S3";
            if (string.IsNullOrWhiteSpace(s3.Bucket))
            {
                failures.Add($"{section}:S3:Bucket is required {when}.");
            }

            if (string.IsNullOrWhiteSpace(s3.Region))
            {
                failures.Add($"{section}:S3:Region is required {when} (us-east-1 unless the service says otherwise).");
            }

            if (!string.IsNullOrEmpty(s3.ServiceUrl)
                && !(Uri.TryCreate(s3.ServiceUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)))
            {
                failures.Add($"{section}:S3:ServiceUrl must be an absolute http(s) URL, for example https://s3.example.net.");
            }

            if (string.IsNullOrEmpty(s3.AccessKey) != string.IsNullOrEmpty(s3.SecretKey))
            {
                var missing = string.IsNullOrEmpty(s3.AccessKey) ? "AccessKey" : "SecretKey";
                failures.Add($"{section}:S3:{missing} is required with {section}:S3:{(missing == "AccessKey" ? "SecretKey" : "AccessKey")} (or leave both empty to use the AWS SDK's credential chain).");
            }

            if (s3.PartSize < S3StorageOptions.MinimumPartSize)
            {
                failures.Add($"{section}:S3:PartSize must be at least {S3StorageOptions.MinimumPartSize} bytes (5 MiB, S3's minimum part size).");
            }

            if (!string.IsNullOrEmpty(s3.Prefix))
            {
                try
                {
                    BlobKey.ValidatePrefix(s3.Prefix);
                }
                catch (ArgumentException e)
                {
                    failures.Add($"{section}:S3:Prefix is invalid: {e.Message}");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
