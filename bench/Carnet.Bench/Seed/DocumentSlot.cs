using System.Runtime.InteropServices;

namespace Carnet.Bench.Seed;

/// <summary>
/// One seeded document before it is written: when it was deposited, into which record, by whom
/// (a pool professional, <see cref="Holder"/> or <see cref="Laboratory"/>), and its place in its deposit.
/// Sorted by time (<see cref="ByTime"/>), as deposits reach a real server.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public readonly record struct DocumentSlot(long Ticks, int Record, int Depositor, short Ordinal)
{
    public const int Holder = -1;

    public const int Laboratory = -2;

    public static int ByTime(DocumentSlot left, DocumentSlot right)
    {
        var byTime = left.Ticks.CompareTo(right.Ticks);
        if (byTime != 0)
        {
            return byTime;
        }

        var byRecord = left.Record.CompareTo(right.Record);
        return byRecord != 0 ? byRecord : left.Ordinal.CompareTo(right.Ordinal);
    }
}
