namespace Carnet.Tests.Documents.Storage;

/// <summary>
/// A source like an HTTP request body: not seekable, length unknown, its bytes computed (no large array).
/// It can fail or cancel a token once <see cref="FailAfter"/> bytes have been read.
/// </summary>
public sealed class GeneratedStream(long length) : Stream
{
    private long _position;

    /// <summary>Past this many bytes, reading throws an <see cref="IOException"/> (or cancels <see cref="Cancel"/>, if set).</summary>
    public long? FailAfter { get; init; }

    public CancellationTokenSource? Cancel { get; init; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("A generated stream's length is unknown.");

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The byte at <paramref name="index"/>: not periodic over a few hundred bytes, so an offset error shows.</summary>
    public static byte ByteAt(long index) => (byte)((index * 31) ^ (index >> 8) ^ (index >> 16));

    /// <summary>Reads <paramref name="stream"/> to its end and checks it holds exactly bytes <paramref name="from"/> to <paramref name="length"/> of a generated stream.</summary>
    public static async Task ShouldMatchAsync(Stream stream, long from, long length)
    {
        var buffer = new byte[81920];
        var index = from;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            for (var i = 0; i < read; i++, index++)
            {
                if (index >= length || buffer[i] != ByteAt(index))
                {
                    throw new ShouldAssertException($"The blob differs from the generated content at byte {index} (expected {length} bytes).");
                }
            }
        }

        index.ShouldBe(length, "the blob ends early");
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (FailAfter is { } failAfter && _position >= failAfter)
        {
            if (Cancel is null)
            {
                throw new IOException("The source failed midway (test).");
            }

            Cancel.Cancel();
        }

        var count = (int)Math.Min(buffer.Length, length - _position);
        for (var i = 0; i < count; i++)
        {
            buffer[i] = ByteAt(_position + i);
        }

        _position += count;
        return count;
    }

    // Like a request body, a cancelled read throws.
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
