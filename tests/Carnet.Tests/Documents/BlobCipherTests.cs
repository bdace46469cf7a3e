using System.Security.Cryptography;
using Carnet.Documents.Encryption;

namespace Carnet.Tests.Documents;

/// <summary>The encrypted content format: AES-256-GCM in 64 KiB chunks, checked on every read (DOMAIN.md §4 storage).</summary>
public class BlobCipherTests
{
    private static readonly byte[] DataKey = RandomNumberGenerator.GetBytes(32);
    private const string Key = "records/r/blob";

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(BlobCipher.ChunkSize - 1)]
    [InlineData(BlobCipher.ChunkSize)]
    [InlineData(BlobCipher.ChunkSize + 1)]
    [InlineData((3 * BlobCipher.ChunkSize) + 17)]
    public async Task Content_reads_back_byte_for_byte_whatever_its_size(int size)
    {
        var plain = RandomNumberGenerator.GetBytes(size);
        var (blob, sha256, sha1) = await EncryptAsync(plain);

        ((long)blob.Length).ShouldBe(BlobCipher.EncryptedLength(size));
        sha256.ShouldBe(SHA256.HashData(plain));
#pragma warning disable CA5350 // FHIR R4 Attachment.hash is SHA-1 by definition; integrity rests on SHA-256 and GCM.
        sha1.ShouldBe(SHA1.HashData(plain));
#pragma warning restore CA5350
        (await DecryptAsync(blob, size, sha256)).ShouldBe(plain);
    }

    [Fact]
    public async Task Stored_content_does_not_contain_the_plaintext()
    {
        var plain = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Compte rendu de biologie de Mme MARTIN. ", 100)));
        var (blob, _, _) = await EncryptAsync(plain);

        blob.AsSpan().IndexOf("MARTIN"u8).ShouldBe(-1);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(BlobCipher.ChunkSize - 5, 10)]
    [InlineData(BlobCipher.ChunkSize, BlobCipher.ChunkSize)]
    [InlineData((2 * BlobCipher.ChunkSize) + 3, 1)]
    public async Task A_byte_range_is_read_without_the_rest(int from, int length)
    {
        var plain = RandomNumberGenerator.GetBytes((3 * BlobCipher.ChunkSize) + 100);
        var (blob, _, _) = await EncryptAsync(plain);

        var chunk = from / BlobCipher.ChunkSize;
        var source = new MemoryStream(blob);
        source.Position = BlobCipher.ChunkOffset(chunk);
        await using var reader = new DecryptingStream(source, blob.AsSpan(0, BlobCipher.HeaderSize), DataKey, Key, plain.Length, chunk, from % BlobCipher.ChunkSize, length, null);
        var read = new MemoryStream();
        await reader.CopyToAsync(read);

        read.ToArray().ShouldBe(plain.AsSpan(from, length).ToArray());
    }

    [Theory]
    [InlineData(BlobCipher.HeaderSize + 3)]
    [InlineData(BlobCipher.HeaderSize + BlobCipher.EncryptedChunkSize + 1)]
    [InlineData(10)]
    public async Task A_flipped_bit_anywhere_is_detected_and_nothing_wrong_is_served(int position)
    {
        var plain = RandomNumberGenerator.GetBytes((2 * BlobCipher.ChunkSize) + 5);
        var (blob, sha256, _) = await EncryptAsync(plain);
        blob[position] ^= 0x01;

        await Should.ThrowAsync<ContentCorruptedException>(() => DecryptAsync(blob, plain.Length, sha256));
    }

    [Fact]
    public async Task Truncated_content_is_detected()
    {
        var plain = RandomNumberGenerator.GetBytes((2 * BlobCipher.ChunkSize) + 5);
        var (blob, sha256, _) = await EncryptAsync(plain);

        await Should.ThrowAsync<ContentCorruptedException>(() => DecryptAsync(blob[..(BlobCipher.HeaderSize + BlobCipher.EncryptedChunkSize)], plain.Length, sha256));
    }

    [Fact]
    public async Task Content_moved_to_another_key_does_not_decrypt()
    {
        var plain = RandomNumberGenerator.GetBytes(100);
        var (blob, sha256, _) = await EncryptAsync(plain);

        await Should.ThrowAsync<ContentCorruptedException>(() => DecryptAsync(blob, plain.Length, sha256, blobKey: "records/r/other"));
    }

    [Fact]
    public async Task Content_whose_hash_differs_from_the_recorded_one_is_refused_before_its_last_bytes()
    {
        var plain = RandomNumberGenerator.GetBytes(1000);
        var (blob, _, _) = await EncryptAsync(plain);

        await Should.ThrowAsync<ContentCorruptedException>(() => DecryptAsync(blob, plain.Length, SHA256.HashData("other"u8)));
    }

    [Fact]
    public async Task Content_longer_than_allowed_stops_the_write()
    {
        await using var encrypting = new EncryptingStream(new MemoryStream(new byte[1001]), DataKey, Key, maxLength: 1000);

        await Should.ThrowAsync<ContentTooLargeException>(() => encrypting.CopyToAsync(Stream.Null));
    }

    [Fact]
    public async Task Disposing_a_content_stream_twice_gives_its_buffers_back_once()
    {
        var plain = RandomNumberGenerator.GetBytes(1000);
        var (blob, sha256, _) = await EncryptAsync(plain);
        var source = new MemoryStream(blob);
        var header = new byte[BlobCipher.HeaderSize];
        source.ReadExactly(header);
        var reader = new DecryptingStream(source, header, DataKey, Key, plain.Length, 0, 0, plain.Length, sha256);
        await reader.CopyToAsync(Stream.Null);

        await reader.DisposeAsync();
        reader.Dispose();

        // Returned twice, a pooled buffer would be handed to two users at once (content hashed in one, encrypted from the other).
        var first = System.Buffers.ArrayPool<byte>.Shared.Rent(BlobCipher.ChunkSize);
        var second = System.Buffers.ArrayPool<byte>.Shared.Rent(BlobCipher.ChunkSize);
        var third = System.Buffers.ArrayPool<byte>.Shared.Rent(BlobCipher.EncryptedChunkSize);
        var fourth = System.Buffers.ArrayPool<byte>.Shared.Rent(BlobCipher.EncryptedChunkSize);
        first.ShouldNotBeSameAs(second);
        third.ShouldNotBeSameAs(fourth);
    }

    private static async Task<(byte[] Blob, byte[] Sha256, byte[] Sha1)> EncryptAsync(byte[] plain)
    {
        await using var encrypting = new EncryptingStream(new MemoryStream(plain), DataKey, Key, long.MaxValue);
        var blob = new MemoryStream();
        await encrypting.CopyToAsync(blob, 7000);
        return (blob.ToArray(), encrypting.Sha256, encrypting.Sha1);
    }

    private static async Task<byte[]> DecryptAsync(byte[] blob, long size, byte[] sha256, string blobKey = Key)
    {
        var source = new MemoryStream(blob);
        var header = new byte[BlobCipher.HeaderSize];
        source.ReadExactly(header);
        await using var reader = new DecryptingStream(source, header, DataKey, blobKey, size, 0, 0, size, sha256);
        var read = new MemoryStream();
        await reader.CopyToAsync(read);
        return read.ToArray();
    }
}
