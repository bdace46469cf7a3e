using System.Security.Cryptography;
using System.Text;

namespace Carnet.Records.Enrolment;

/// <summary>
/// A single-use provisional code sent with a notice (DOMAIN.md §3.1): it proves, with the NIR and
/// the Vitale serial, that the person received the notice. Only a salted hash is stored.
/// </summary>
public sealed class ProvisionalCode
{
    /// <summary>No 0/O or 1/I: codes are read from paper and typed by hand.</summary>
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int CodeLength = 10;

    private ProvisionalCode()
    {
    }

    public Guid Id { get; private set; }

    public Guid RecordId { get; private set; }

    public byte[] Hash { get; private set; } = [];

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>Set when a newer code replaced this one: it then counts as expired.</summary>
    public DateTimeOffset? SupersededAt { get; private set; }

    /// <summary>Optimistic concurrency: two concurrent requests cannot both use the same code.</summary>
    public int Version { get; private set; }

    public bool IsLive(DateTimeOffset now) => UsedAt is null && SupersededAt is null && now < ExpiresAt;

    /// <summary>Creates a code; the clear text is returned once, for the notice, and never stored.</summary>
    public static (ProvisionalCode Code, string ClearText) Issue(Guid recordId, DateTimeOffset at, TimeSpan lifetime)
    {
        var clear = RandomNumberGenerator.GetString(Alphabet, CodeLength);
        var code = new ProvisionalCode
        {
            Id = Guid.CreateVersion7(at),
            RecordId = recordId,
            Hash = HashOf(recordId, clear),
            IssuedAt = at,
            ExpiresAt = at + lifetime,
        };
        return (code, $"{clear[..5]}-{clear[5..]}");
    }

    public bool Matches(string normalisedClearText) =>
        normalisedClearText.Length == CodeLength
        && CryptographicOperations.FixedTimeEquals(Hash, HashOf(RecordId, normalisedClearText));

    public void Use(DateTimeOffset at)
    {
        UsedAt = at;
        Version++;
    }

    public void Supersede(DateTimeOffset at)
    {
        SupersededAt ??= at;
        Version++;
    }

    /// <summary>The code must outlast the opposition window, which starts only when the notice is sent.</summary>
    public void LastAtLeastUntil(DateTimeOffset until)
    {
        // Even a code that expired while the notice was stuck is revived: the person never had it.
        if (until > ExpiresAt && UsedAt is null && SupersededAt is null)
        {
            ExpiresAt = until;
            Version++;
        }
    }

    /// <summary>Upper-cases and drops the separators people type or copy.</summary>
    public static string Normalise(string? typed)
    {
        if (typed is null)
        {
            return "";
        }

        var builder = new StringBuilder(typed.Length);
        foreach (var c in typed)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static byte[] HashOf(Guid recordId, string clear)
    {
        Span<byte> input = stackalloc byte[16 + CodeLength * 3];
        recordId.TryWriteBytes(input);
        var written = Encoding.UTF8.GetBytes(clear, input[16..]);
        return SHA256.HashData(input[..(16 + written)]);
    }
}
