using System.Security.Cryptography;
using System.Text;

namespace Carnet.Records.Enrolment;

/// <summary>Random secrets and their hashes for one-time codes and activation tokens.</summary>
internal static class OneTimeCodes
{
    public static string SixDigits() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static string Token() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool Matches(byte[]? hash, string? secret) =>
        hash is not null && secret is not null && CryptographicOperations.FixedTimeEquals(hash, Hash(secret));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
