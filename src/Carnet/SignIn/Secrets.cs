using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Carnet.SignIn;

/// <summary>Random tokens and codes, and their hashes, compared in constant time.</summary>
internal static class Secrets
{
    public static string SixDigits() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static string Token() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool Matches(byte[]? hash, string? secret) =>
        hash is not null && secret is not null && CryptographicOperations.FixedTimeEquals(hash, Hash(secret));
}
