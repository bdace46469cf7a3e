using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Carnet.Documents.Encryption;

/// <summary>
/// The format of encrypted content: AES-256-GCM in chunks, so that any size streams in constant
/// memory and a range can be read without the rest (the construction of Tink's streaming AEAD and
/// of age/STREAM: Hoang, Reyhanitabar, Rogaway, Vizár, "Online Authenticated-Encryption", 2015).
/// <code>
/// header  = "CRB1" ‖ log2(chunk size) ‖ 3 zero bytes ‖ salt (24 random bytes)            32 bytes
/// key     = HKDF-SHA256(record data key, salt, "carnet blob v1|" ‖ blob key)                one per blob
/// chunk i = AES-GCM(key, nonce = i (8 bytes, big-endian) ‖ 0 0 0 ‖ last?1:0, aad = header)  ≤ 64 KiB + 16-byte tag
/// </code>
/// The last chunk is flagged, so a truncated blob fails; the blob key is in the key derivation, so
/// content moved to another key fails; every chunk is authenticated, so a flipped bit fails.
/// </summary>
public static class BlobCipher
{
    public const int HeaderSize = 32;
    public const int TagSize = 16;
    public const int ChunkSizeLog2 = 16;
    public const int ChunkSize = 1 << ChunkSizeLog2;
    public const int EncryptedChunkSize = ChunkSize + TagSize;
    private const int NonceSize = 12;
    private static readonly byte[] Magic = "CRB1"u8.ToArray();

    /// <summary>The encrypted size of <paramref name="plaintextLength"/> bytes: header, data, one tag per chunk (an empty blob has one empty chunk).</summary>
    public static long EncryptedLength(long plaintextLength) =>
        HeaderSize + plaintextLength + (TagSize * Math.Max(1, (plaintextLength + ChunkSize - 1) / ChunkSize));

    /// <summary>Where chunk <paramref name="index"/> starts in the blob.</summary>
    public static long ChunkOffset(long index) => HeaderSize + (index * EncryptedChunkSize);

    internal static byte[] NewHeader()
    {
        var header = new byte[HeaderSize];
        Magic.CopyTo(header, 0);
        header[4] = ChunkSizeLog2;
        RandomNumberGenerator.Fill(header.AsSpan(8));
        return header;
    }

    internal static void CheckHeader(ReadOnlySpan<byte> header)
    {
        if (header.Length != HeaderSize || !header[..4].SequenceEqual(Magic) || header[4] != ChunkSizeLog2)
        {
            throw new ContentCorruptedException("the stored content does not start with Carnet's encryption header");
        }
    }

    internal static AesGcm BlobKey(ReadOnlySpan<byte> dataKey, ReadOnlySpan<byte> header, string blobKey)
    {
        Span<byte> key = stackalloc byte[32];
        var info = Encoding.ASCII.GetBytes("carnet blob v1|" + blobKey);
        HKDF.DeriveKey(HashAlgorithmName.SHA256, dataKey, key, header[8..], info);
        var aes = new AesGcm(key, TagSize);
        CryptographicOperations.ZeroMemory(key);
        return aes;
    }

    internal static void Nonce(Span<byte> nonce, long index, bool last)
    {
        nonce.Clear();
        BinaryPrimitives.WriteInt64BigEndian(nonce, index);
        nonce[NonceSize - 1] = last ? (byte)1 : (byte)0;
    }

    internal const int NonceLength = NonceSize;
}
