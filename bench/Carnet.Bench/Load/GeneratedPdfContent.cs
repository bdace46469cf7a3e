using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Carnet.Bench.Load;

/// <summary>A request body of <c>size</c> bytes of a "PDF" generated as it is sent (1 MiB of random bytes, repeated), hashed on the way.</summary>
public sealed class GeneratedPdfContent : HttpContent
{
    private readonly long _size;
    private readonly IncrementalHash _hash;

    public GeneratedPdfContent(long size, IncrementalHash hash)
    {
        (_size, _hash) = (size, hash);
        Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        Headers.ContentLength = size;
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var chunk = MhdCalls.Pdf(1024 * 1024);
        for (long sent = 0; sent < _size;)
        {
            var length = (int)Math.Min(chunk.Length, _size - sent);
            _hash.AppendData(chunk, 0, length);
            await stream.WriteAsync(chunk.AsMemory(0, length));
            sent += length;
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _size;
        return true;
    }
}
