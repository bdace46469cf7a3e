using System.Buffers;
using System.Security.Cryptography;

namespace Carnet.Documents.Encryption;

/// <summary>
/// Reads plaintext from a source and gives the encrypted blob (<see cref="BlobCipher"/>), one chunk at
/// a time: the blob store pulls from it, so nothing is held whole. Along the way it counts the bytes,
/// computes the SHA-256 (kept and checked on every read) and the SHA-1 (FHIR R4 Attachment.hash), and
/// stops with <see cref="ContentTooLargeException"/> past <c>maxLength</c>.
/// </summary>
public sealed class EncryptingStream : ReadOnlyStream
{
    private readonly Stream _source;
    private readonly long _maxLength;
    private readonly AesGcm _aes;
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly IncrementalHash _sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
    private readonly byte[] _header;
    private byte[] _current = ArrayPool<byte>.Shared.Rent(BlobCipher.ChunkSize);
    private byte[] _next = ArrayPool<byte>.Shared.Rent(BlobCipher.ChunkSize);
    private readonly byte[] _output = ArrayPool<byte>.Shared.Rent(BlobCipher.EncryptedChunkSize);
    private int _currentLength = -1;
    private int _nextLength = -1;
    private int _outputLength;
    private int _outputPosition;
    private long _chunkIndex;
    private bool _disposed;
    private bool _headerSent;
    private bool _done;
    private byte[]? _sha256Value;
    private byte[]? _sha1Value;

    public EncryptingStream(Stream source, ReadOnlySpan<byte> dataKey, string blobKey, long maxLength)
    {
        _source = source;
        _maxLength = maxLength;
        _header = BlobCipher.NewHeader();
        _aes = BlobCipher.BlobKey(dataKey, _header, blobKey);
    }

    /// <summary>Plaintext bytes read so far (all of them once the stream has been read to its end).</summary>
    public long PlaintextLength { get; private set; }

    /// <summary>SHA-256 of the plaintext; available once the stream has been read to its end.</summary>
    public byte[] Sha256 => _sha256Value ?? throw new InvalidOperationException("The content has not been read to its end yet.");

    /// <summary>SHA-1 of the plaintext (FHIR R4 Attachment.hash); available at the end.</summary>
    public byte[] Sha1 => _sha1Value ?? throw new InvalidOperationException("The content has not been read to its end yet.");

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_headerSent)
        {
            _header.CopyTo(_output, 0);
            _outputLength = BlobCipher.HeaderSize;
            _outputPosition = 0;
            _headerSent = true;
        }

        while (_outputPosition == _outputLength)
        {
            if (_done)
            {
                return 0;
            }

            await ProduceChunkAsync(cancellationToken);
        }

        var n = Math.Min(buffer.Length, _outputLength - _outputPosition);
        _output.AsMemory(_outputPosition, n).CopyTo(buffer);
        _outputPosition += n;
        return n;
    }

    private async Task ProduceChunkAsync(CancellationToken ct)
    {
        if (_currentLength < 0)
        {
            _currentLength = await FillAsync(_current, ct);
        }

        // One chunk of look-ahead tells whether this chunk is the last one (the nonce says so).
        _nextLength = _currentLength == BlobCipher.ChunkSize ? await FillAsync(_next, ct) : 0;
        var last = _nextLength == 0;

        Span<byte> nonce = stackalloc byte[BlobCipher.NonceLength];
        BlobCipher.Nonce(nonce, _chunkIndex, last);
        var plain = _current.AsSpan(0, _currentLength);
        _aes.Encrypt(nonce, plain, _output.AsSpan(0, _currentLength), _output.AsSpan(_currentLength, BlobCipher.TagSize), _header);
        _outputLength = _currentLength + BlobCipher.TagSize;
        _outputPosition = 0;
        _chunkIndex++;

        if (last)
        {
            _done = true;
            _sha256Value = _sha256.GetHashAndReset();
            _sha1Value = _sha1.GetHashAndReset();
        }
        else
        {
            (_current, _next) = (_next, _current);
            _currentLength = _nextLength;
        }
    }

    private async Task<int> FillAsync(byte[] chunk, CancellationToken ct)
    {
        var filled = 0;
        while (filled < BlobCipher.ChunkSize)
        {
            var read = await _source.ReadAsync(chunk.AsMemory(filled, BlobCipher.ChunkSize - filled), ct);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        PlaintextLength += filled;
        if (PlaintextLength > _maxLength)
        {
            throw new ContentTooLargeException(_maxLength);
        }

        _sha256.AppendData(chunk, 0, filled);
        _sha1.AppendData(chunk, 0, filled);
        return filled;
    }

    protected override void Dispose(bool disposing)
    {
        // Idempotent: the pooled buffers must go back to the pool exactly once, or two later users would share one.
        if (disposing && !_disposed)
        {
            _disposed = true;
            _aes.Dispose();
            _sha256.Dispose();
            _sha1.Dispose();
            ArrayPool<byte>.Shared.Return(_current, clearArray: true);
            ArrayPool<byte>.Shared.Return(_next, clearArray: true);
            ArrayPool<byte>.Shared.Return(_output);
        }

        base.Dispose(disposing);
    }
}
