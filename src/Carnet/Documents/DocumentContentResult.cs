using Carnet.Documents.Encryption;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Carnet.Documents;

/// <summary>
/// Sends document content (REST and IHE ITI-68 alike): the right Content-Type, an ETag from the
/// SHA-256, byte ranges (RFC 9110 §14) for large files, no caching by shared caches. Damage found
/// while sending aborts the connection (the client sees a truncated answer, never wrong bytes) and is traced.
/// </summary>
public sealed class DocumentContentResult(ReadDocument.Content content) : IResult
{
    /// <summary>The ETag of content: its SHA-256 in hex, quoted.</summary>
    public static string ETagOf(byte[] sha256) => "\"" + Convert.ToHexStringLower(sha256) + "\"";

    /// <summary>The single byte range asked for by a Range header, resolved against the size; null for the whole.</summary>
    public static ByteRange? RangeOf(HttpRequest request, long size)
    {
        if (!RangeHeaderValue.TryParse(request.Headers.Range.ToString(), out var header)
            || !string.Equals(header.Unit.Value, "bytes", StringComparison.OrdinalIgnoreCase)
            || header.Ranges.Count != 1)
        {
            // No range, or several: the whole content (RFC 9110 §14.2 lets a server ignore Range).
            return null;
        }

        var range = header.Ranges.Single();
        long from, to;
        if (range.From is { } start)
        {
            from = start;
            to = Math.Min(range.To ?? (size - 1), size - 1);
        }
        else
        {
            var suffix = Math.Min(range.To ?? 0, size);
            from = size - suffix;
            to = size - 1;
        }

        return from >= size || to < from ? throw new RangeNotSatisfiableException(size) : new ByteRange(from, to - from + 1);
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        await using var body = content;
        var response = httpContext.Response;
        var etag = ETagOf(content.Sha256);
        response.Headers.ETag = etag;
        response.Headers.AcceptRanges = "bytes";
        response.Headers.CacheControl = "private, no-cache";
        if (httpContext.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = content.ContentType;
        response.ContentLength = content.Length;
        if (content.Range is { } range)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = $"bytes {range.From}-{range.From + range.Length - 1}/{content.TotalSize}";
        }

        try
        {
            await content.Stream.CopyToAsync(response.Body, BlobCipher.ChunkSize, httpContext.RequestAborted);
        }
        catch (ContentCorruptedException)
        {
            // Already traced and logged by the stream; the answer has started, so the connection is cut.
            httpContext.Abort();
        }
    }
}
