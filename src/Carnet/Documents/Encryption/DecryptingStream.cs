using System.Buffers;
using System.Security.Cryptography;

namespace Carnet.Documents.Encryption;

/// <summary>
/// Reads an encrypted blob (<see cref="BlobCipher"/>) and gives plaintext, one authenticated chunk at
/// a time. A whole read also checks the SHA-256 of everything before the last chunk is released, so
/// damaged or substituted content ends in <see cref="ContentCorruptedException"/>, never in wrong bytes.
/// A range read checks each chunk's tag (the whole-content hash needs the whole content).
/// </summary>
public sealed class DecryptingStream : ReadOnlyStream
{
    private readonly Stream _source;
    private readonly AesGcm _aes;
    private readonly byte[] _header;
    private readonly long _plaintextLength;
    private readonly long _lastChunk;
    private readonly byte[]? _expectedSha256;
    private readonly IncrementalHash? _sha256;
    private readonly byte[] _encrypted = ArrayPool<byte>.Shared.Rent(BlobCipher.EncryptedChunkSize);
    private readonly byte[] _plain = ArrayPool<byte>.Shared.Rent(BlobCipher.ChunkSize);
    private long _chunkIndex;
    private bool _disposed;
    private int _skip;
    private long _remaining;
    private int _plainLength;
    private int _plainPosition;

    /// <summary>Reads from <paramref name="source"/>.</summary>
    /// <param name="source">The blob, positioned at the start of chunk <paramref name="firstChunk"/>.</param>
    /// <param name="header">The blob's first <see cref="BlobCipher.HeaderSize"/> bytes.</param>
    /// <param name="dataKey">The record's data key.</param>
    /// <param name="blobKey">The blob's key in the store (bound into the encryption).</param>
    /// <param name="plaintextLength">The content's size, as recorded at deposit.</param>
    /// <param name="firstChunk">The first chunk to read.</param>
    /// <param name="skip">Bytes to drop from the start of the first chunk.</param>
    /// <param name="length">Bytes to give in all.</param>
    /// <param name="expectedSha256">The SHA-256 recorded at deposit: given for a whole read, checked at the end.</param>
    public DecryptingStream(Stream source, ReadOnlySpan<byte> header, ReadOnlySpan<byte> dataKey, string blobKey, long plaintextLength, long firstChunk, int skip, long length, byte[]? expectedSha256)
    {
        BlobCipher.CheckHeader(header);
        _source = source;
        _header = header.ToArray();
        _aes = BlobCipher.BlobKey(dataKey, header, blobKey);
        _plaintextLength = plaintextLength;
        _lastChunk = Math.Max(0, (plaintextLength + BlobCipher.ChunkSize - 1) / BlobCipher.ChunkSize - 1);
        _chunkIndex = firstChunk;
        _skip = skip;
        _remaining = length;
        _expectedSha256 = expectedSha256;
        _sha256 = expectedSha256 is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_plainPosition == _plainLength)
        {
            if (_remaining == 0 || _chunkIndex > _lastChunk)
            {
                return 0;
            }

            await DecryptChunkAsync(cancellationToken);
        }

        var n = (int)Math.Min(Math.Min(buffer.Length, _plainLength - _plainPosition), _remaining);
        _plain.AsMemory(_plainPosition, n).CopyTo(buffer);
        _plainPosition += n;
        _remaining -= n;
        return n;
    }

    /// <summary>Opens the first chunk now, so a damaged blob is known before any answer is started.</summary>
    public async Task PrimeAsync(CancellationToken ct)
    {
        if (_plainPosition == _plainLength && _remaining > 0 && _chunkIndex <= _lastChunk)
        {
            await DecryptChunkAsync(ct);
        }
    }

    private async Task DecryptChunkAsync(CancellationToken ct)
    {
        var last = _chunkIndex == _lastChunk;
        var plainLength = last ? (int)(_plaintextLength - (_lastChunk * BlobCipher.ChunkSize)) : BlobCipher.ChunkSize;
        var encryptedLength = plainLength + BlobCipher.TagSize;
        var filled = 0;
        while (filled < encryptedLength)
        {
            var read = await _source.ReadAsync(_encrypted.AsMemory(filled, encryptedLength - filled), ct);
            if (read == 0)
            {
                throw new ContentCorruptedException("the stored content is shorter than recorded");
            }

            filled += read;
        }

        Span<byte> nonce = stackalloc byte[BlobCipher.NonceLength];
        BlobCipher.Nonce(nonce, _chunkIndex, last);
        try
        {
            _aes.Decrypt(nonce, _encrypted.AsSpan(0, plainLength), _encrypted.AsSpan(plainLength, BlobCipher.TagSize), _plain.AsSpan(0, plainLength), _header);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new ContentCorruptedException($"chunk {_chunkIndex} fails its authentication tag", e);
        }

        _sha256?.AppendData(_plain, 0, plainLength);
        if (last && _sha256 is not null && !CryptographicOperations.FixedTimeEquals(_sha256.GetHashAndReset(), _expectedSha256))
        {
            throw new ContentCorruptedException("its SHA-256 differs from the one recorded at deposit");
        }

        _chunkIndex++;
        _plainLength = plainLength;
        _plainPosition = Math.Min(_skip, plainLength);
        _skip = 0;
    }

    protected override void Dispose(bool disposing)
    {
        // Idempotent: the pooled buffers must go back to the pool exactly once, or two later users would share one.
        if (disposing && !_disposed)
        {
            _disposed = true;
            _aes.Dispose();
            _sha256?.Dispose();
            _source.Dispose();
            ArrayPool<byte>.Shared.Return(_encrypted);
            ArrayPool<byte>.Shared.Return(_plain, clearArray: true);
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _source.DisposeAsync();
        await base.DisposeAsync();
    }
}
