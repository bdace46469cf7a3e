using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Carnet.Audit;

/// <summary>
/// The hash chain of a record's traces (docs/adr/0011): link n is SHA-256(link n-1 || canonical bytes
/// of trace n), the first chaining from 32 zero bytes. The canonical bytes are fixed-width numbers and
/// length-prefixed UTF-8 strings, so no two different traces can encode to the same bytes.
/// </summary>
public static class TraceChain
{
    public const int HashSize = 32;

    /// <summary>What the first link of every record chains from (the record id is inside each link).</summary>
    public static ReadOnlySpan<byte> Genesis => new byte[HashSize];

    /// <summary>Bumped if the canonical form ever changes, so old and new links never verify against each other.</summary>
    private const byte FormatVersion = 1;

    /// <summary>Each record's last sealed link (the chain heads), among the given traces' records.</summary>
    public static IQueryable<Trace> Heads(IQueryable<Trace> traces) =>
        traces.Where(t => t.Sequence != null && t.Sequence == traces.Where(u => u.RecordId == t.RecordId).Max(u => u.Sequence));

    public static byte[] Link(ReadOnlySpan<byte> previousHash, Trace trace, long sequence)
    {
        var bytes = new List<byte>(256);
        bytes.AddRange(previousHash);
        bytes.Add(FormatVersion);
        Span<byte> fixedPart = stackalloc byte[16 + 8 + 8];
        trace.RecordId.TryWriteBytes(fixedPart[..16], bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(fixedPart[16..24], sequence);
        BinaryPrimitives.WriteInt64BigEndian(fixedPart[24..], trace.At.UtcTicks);
        bytes.AddRange(fixedPart);
        Add(bytes, trace.ActorKind.ToString());
        Add(bytes, trace.ActorId);
        Add(bytes, trace.ActorName);
        Add(bytes, trace.Action);
        Add(bytes, trace.Target);
        Add(bytes, trace.AccessMode.ToString());
        return SHA256.HashData(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes));
    }

    /// <summary>A string as a 4-byte big-endian length (-1 for null) and its UTF-8 bytes.</summary>
    private static void Add(List<byte> bytes, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, value is null ? -1 : Encoding.UTF8.GetByteCount(value));
        bytes.AddRange(length);
        if (value is not null)
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(value));
        }
    }
}
