using System.Diagnostics;

namespace Carnet.Bench.Seed;

/// <summary>Rows written to one table so far, printed every tenth of the total (and every 5 million rows at most), and the rate.</summary>
public sealed class SeedProgress(string table, long total)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly long _step = Math.Clamp(total / 10, 1, 5_000_000);

    public string Table => table;

    public long Rows { get; private set; }

    public TimeSpan Elapsed => _clock.Elapsed;

    public double RowsPerSecond => Rows / Math.Max(_clock.Elapsed.TotalSeconds, 1e-6);

    public void Add()
    {
        Rows++;
        if (Rows % _step == 0)
        {
            Console.WriteLine($"  {table,-20} {Rows,14:N0} / {total:N0}  {RowsPerSecond,9:N0} rows/s  {_clock.Elapsed:hh\\:mm\\:ss}");
        }
    }

    public void Stop() => _clock.Stop();
}
