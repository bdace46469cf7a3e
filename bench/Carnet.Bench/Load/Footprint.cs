using System.Globalization;
using Npgsql;

namespace Carnet.Bench.Load;

/// <summary>
/// What the storage and memory targets measure, after the load: the bytes Carnet keeps per byte of
/// document (every table and index of its database, traces included, plus the encrypted blobs), the server's
/// highest resident memory, and what one large deposit adds to it.
/// </summary>
public sealed record Footprint(
    long Documents,
    long DocumentBytes,
    long DatabaseBytes,
    long BlobBytes,
    long PeakResidentBytes,
    int? BigDepositMegabytes,
    long? ResidentBeforeBigDeposit,
    long? ResidentPeakDuringBigDeposit,
    string? BigDepositFailure)
{
    public const double StorageTarget = 1.1;
    public const long MemoryTarget = 400L * 1024 * 1024;
    public const long BigDepositTarget = 64L * 1024 * 1024;

    /// <summary>Bytes stored per byte of document: the database and the blob store over the documents' own sizes.</summary>
    public double StorageRatio => DocumentBytes == 0 ? 0 : (DatabaseBytes + BlobBytes) / (double)DocumentBytes;

    public long? BigDepositAdded => ResidentPeakDuringBigDeposit - ResidentBeforeBigDeposit;

    public IEnumerable<(string What, string Measured, string Target, bool Met)> Rows()
    {
        yield return ("storage per document byte", string.Create(CultureInfo.InvariantCulture, $"{StorageRatio:0.000}× ({Documents:N0} documents, {Mb(DocumentBytes)} of documents; database {Mb(DatabaseBytes)}, blobs {Mb(BlobBytes)})"), $"≤ {StorageTarget}×", StorageRatio <= StorageTarget);
        yield return ("server memory under load (peak resident)", Mb(PeakResidentBytes), "< 400 MB", PeakResidentBytes < MemoryTarget);
        if (BigDepositMegabytes is { } megabytes)
        {
            var added = BigDepositAdded;
            yield return ($"a {megabytes} MB deposit adds", BigDepositFailure ?? string.Create(CultureInfo.InvariantCulture, $"{Mb(added ?? 0)} ({Mb(ResidentBeforeBigDeposit ?? 0)} before, {Mb(ResidentPeakDuringBigDeposit ?? 0)} at peak)"), "< 64 MB", BigDepositFailure is null && added < BigDepositTarget);
        }
    }

    /// <summary>Measures storage in the database at <paramref name="connection"/> and the blob folder, and the server's peak memory so far.</summary>
    public static async Task<Footprint> MeasureAsync(string connection, string blobDirectory, int serverPid, CancellationToken ct)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync(ct);
        long count, bytes;
        await using (var documents = new NpgsqlCommand("""SELECT count(*), coalesce(sum("Size"), 0)::bigint FROM "Documents" """, db))
        await using (var reader = await documents.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            (count, bytes) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        // Every table of Carnet's schema with its indexes and TOAST; the catalog (the same for any database) is left out.
        await using var tables = new NpgsqlCommand("SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname = 'public'", db);
        var database = (long)(await tables.ExecuteScalarAsync(ct))!;
        var blobs = Directory.Exists(blobDirectory) ? new DirectoryInfo(blobDirectory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;
        return new Footprint(count, bytes, database, blobs, Status(serverPid, "VmHWM"), null, null, null, null);
    }

    /// <summary>Streams a <paramref name="megabytes"/> MB document while sampling the server's resident memory every 50 ms.</summary>
    public async Task<Footprint> WithBigDepositAsync(MhdCalls calls, int serverPid, int megabytes, CancellationToken ct)
    {
        // A warm-up of 1 MB, so the buffers a first streamed deposit creates are not counted as the big one's.
        var (warmup, _) = await calls.DepositStreamedAsync(1024 * 1024, ct);
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        var before = Status(serverPid, "VmRSS");
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var peak = before;
        var sampler = Task.Run(
            async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, Status(serverPid, "VmRSS"));
                    await Task.Delay(50, CancellationToken.None);
                }
            },
            CancellationToken.None);
        var (failure, _) = warmup is null ? await calls.DepositStreamedAsync(megabytes * 1024L * 1024, ct) : (warmup, []);
        await sampling.CancelAsync();
        await sampler;
        return this with { BigDepositMegabytes = megabytes, ResidentBeforeBigDeposit = before, ResidentPeakDuringBigDeposit = peak, BigDepositFailure = failure };
    }

    /// <summary>A memory line of /proc/&lt;pid&gt;/status (VmRSS now, VmHWM the highest so far), in bytes.</summary>
    private static long Status(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(':', 2)[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):N0} MB");
}
