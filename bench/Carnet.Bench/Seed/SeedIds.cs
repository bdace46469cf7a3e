namespace Carnet.Bench.Seed;

/// <summary>
/// Deterministic identifiers and draws for the seed: UUIDv7 (RFC 9562 §5.7) at a given time with the random
/// bits from the seed's generator, and SplitMix64 for per-index draws that do not depend on generation order.
/// </summary>
public static class SeedIds
{
    public static Guid Version7(DateTimeOffset at, Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var milliseconds = (ulong)at.ToUnixTimeMilliseconds();
        bytes[0] = (byte)(milliseconds >> 40);
        bytes[1] = (byte)(milliseconds >> 32);
        bytes[2] = (byte)(milliseconds >> 24);
        bytes[3] = (byte)(milliseconds >> 16);
        bytes[4] = (byte)(milliseconds >> 8);
        bytes[5] = (byte)milliseconds;
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>A random (version 4) UUID from the seed's generator.</summary>
    public static Guid Version4(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)(0x40 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>SplitMix64 of the seed, an index and a purpose: the same draw whatever else was drawn before.</summary>
    public static ulong Hash(int seed, long index, int purpose)
    {
        var z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)index * 0xBF58476D1CE4E5B9UL + (ulong)purpose * 0x94D049BB133111EBUL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>A draw in [0, 1) from <see cref="Hash"/>.</summary>
    public static double Unit(int seed, long index, int purpose) => (Hash(seed, index, purpose) >> 11) * (1.0 / (1UL << 53));

    public static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
