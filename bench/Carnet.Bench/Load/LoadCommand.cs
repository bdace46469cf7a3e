using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Carnet.Bench.Load;

/// <summary>
/// <c>load [--url http://127.0.0.1:5080] [--demo-dir data/demo] [--mail-dir data/mail]
/// [--scenarios health,find,retrieve,deposit,list,mixed,retrieve-seeded] [--clients 8] [--seconds 30] [--warmup 60]
/// [--documents 50] [--out artifacts/bench] [--seeded seed-manifest.json]
/// [--connection &lt;Npgsql&gt; --blob-dir &lt;dir&gt; --server-pid &lt;pid&gt; [--big-megabytes 200]]</c>: drives a running Carnet
/// over HTTP as the demo laboratory's software, and as the demo holder signed in for <c>list</c> (bench/scripts/load.sh
/// starts PostgreSQL and Carnet for it).
/// Before measuring, it brings the demo patient's record to <c>--documents</c> documents of its own, whose
/// hashes it knows. With <c>--seeded</c> (the scale seeder's manifest), <c>retrieve-seeded</c> retrieves the seeded documents
/// with real content, spread over the seeded records. Exit 1 when any call failed.
/// </summary>
public static class LoadCommand
{
    private const int PdfSize = 100 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        var url = new Uri(Option(args, "--url", "http://127.0.0.1:5080"));
        var scenarios = Option(args, "--scenarios", "find,retrieve,list,deposit,mixed").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var clients = int.Parse(Option(args, "--clients", "8"), CultureInfo.InvariantCulture);
        var seconds = TimeSpan.FromSeconds(double.Parse(Option(args, "--seconds", "30"), CultureInfo.InvariantCulture));
        var warmup = TimeSpan.FromSeconds(double.Parse(Option(args, "--warmup", "60"), CultureInfo.InvariantCulture));
        var documents = int.Parse(Option(args, "--documents", "50"), CultureInfo.InvariantCulture);
        var output = Option(args, "--out", Path.Combine("artifacts", "bench"));
        var seeded = Option(args, "--seeded", "");
        var unknown = scenarios.Except(["health", "find", "retrieve", "deposit", "list", "mixed", "retrieve-seeded"], StringComparer.Ordinal).ToList();
        if (unknown.Count > 0 || (seeded.Length == 0 && scenarios.Contains("retrieve-seeded", StringComparer.Ordinal)))
        {
            Console.Error.WriteLine($"Unknown scenario {string.Join(", ", unknown)}: choose among health, find, retrieve, deposit, list, mixed, retrieve-seeded (with --seeded <manifest>).");
            return 2;
        }

        var demo = Option(args, "--demo-dir", Path.Combine("data", "demo"));
        using var lab = LabCredentials.Load(demo, url);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { Timeout = TimeSpan.FromSeconds(30) };
        var calls = new MhdCalls(http, lab);

        var known = await PrepareAsync(calls, documents);
        Console.WriteLine($"The demo patient's record holds {known.Count} documents of the load generator's (hashes known).");
        using var holder = scenarios.Any(s => s is "list" or "mixed")
            ? await HolderSession.SignInAsync(url, demo, Option(args, "--mail-dir", Path.Combine(Path.GetDirectoryName(Path.GetFullPath(demo))!, "mail")), clients * 2, CancellationToken.None)
            : null;
        IReadOnlyList<(Uri Content, byte[] Sha256)> seededContent = seeded.Length == 0
            ? []
            : [.. Seed.SeedManifest.Read(seeded).Blobs.Select(b => (new Uri(url, $"/fhir/r4/Binary/{b.Content}"), Convert.FromHexString(b.Sha256)))];
        var results = new List<LoadResult>();
        foreach (var scenario in scenarios)
        {
            LoadRun.Operation operation = scenario switch
            {
                "health" => (_, ct) => calls.HealthAsync(ct),
                "find" => (_, ct) => calls.FindAsync(documents, ct),
                "retrieve" => (_, ct) => RetrieveAny(calls, known, ct),
                "retrieve-seeded" => (_, ct) => RetrieveAny(calls, seededContent, ct),
                "deposit" => (_, ct) => Deposit(calls, ct),
                "list" => (_, ct) => holder!.ListAsync(documents, ct),
                _ => (_, ct) => Random.Shared.Next(10) switch
                {
                    < 2 => Deposit(calls, ct),
                    < 4 => holder!.ListAsync(documents, ct),
                    < 7 => calls.FindAsync(documents, ct),
                    _ => RetrieveAny(calls, known, ct),
                },
            };
            var result = await LoadRun.RunAsync(scenario, clients, warmup, seconds, operation);
            Console.WriteLine(LoadReport.Line(result));
            foreach (var (reason, count) in result.Failures.OrderByDescending(f => f.Value).Take(5))
            {
                Console.WriteLine($"          {count} × {reason}");
            }

            results.Add(result);
        }

        // Storage and memory, when load.sh says where the database, the blobs and the server are.
        Footprint? footprint = null;
        if (OptionOrNull(args, "--connection") is { } connection && OptionOrNull(args, "--blob-dir") is { } blobs
            && int.TryParse(OptionOrNull(args, "--server-pid"), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            footprint = await Footprint.MeasureAsync(connection, blobs, pid, CancellationToken.None);
            var megabytes = int.Parse(Option(args, "--big-megabytes", "200"), CultureInfo.InvariantCulture);
            if (megabytes > 0)
            {
                footprint = await footprint.WithBigDepositAsync(calls, pid, megabytes, CancellationToken.None);
            }

            foreach (var (what, measured, target, met) in footprint.Rows())
            {
                Console.WriteLine($"{what}: {measured} — target {target}: {(met ? "met" : "MISSED")}");
            }
        }

        var (json, html) = LoadReport.Write(output, Machine(), results, footprint);
        Console.WriteLine($"Report: {html} (data: {json})");
        return results.Any(r => r.Failed > 0) || footprint?.BigDepositFailure is not null ? 1 : 0;
    }

    private static Task<string?> Deposit(MhdCalls calls, CancellationToken ct) => calls.DepositAsync(MhdCalls.Pdf(PdfSize), $"urn:uuid:{Guid.NewGuid()}", ct);

    private static Task<string?> RetrieveAny(MhdCalls calls, IReadOnlyList<(Uri Content, byte[] Sha256)> known, CancellationToken ct)
    {
        var (content, sha256) = known[Random.Shared.Next(known.Count)];
        return calls.RetrieveAsync(content, sha256, ct);
    }

    /// <summary>
    /// Brings the record to <paramref name="count"/> documents whose hashes are known: those an earlier run left
    /// (hashed once, by retrieving them) and new deposits for the rest, so repeated runs on one database measure
    /// the same record instead of a growing one.
    /// </summary>
    private static async Task<IReadOnlyList<(Uri Content, byte[] Sha256)>> PrepareAsync(MhdCalls calls, int count)
    {
        var (failure, present) = await calls.SearchAsync(CancellationToken.None);
        if (failure is not null)
        {
            throw new InvalidOperationException($"Preparing the record failed ({failure}): is Carnet's demo seeded, and --url right?");
        }

        var hashes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (master, content) in present)
        {
            hashes[master] = await calls.HashOfAsync(content, CancellationToken.None);
        }

        for (var i = present.Count; i < count; i++)
        {
            var pdf = MhdCalls.Pdf(PdfSize);
            var master = $"urn:uuid:{Guid.NewGuid()}";
            if (await calls.DepositAsync(pdf, master, CancellationToken.None) is { } refused)
            {
                throw new InvalidOperationException($"Preparing the record failed ({refused}): is Carnet's demo seeded, and --url right?");
            }

            hashes[master] = SHA256.HashData(pdf);
        }

        var (found, documents) = await calls.SearchAsync(CancellationToken.None);
        if (found is not null)
        {
            throw new InvalidOperationException($"Preparing the record failed ({found}).");
        }

        if (documents.Count > count)
        {
            Console.WriteLine($"Note: the record already holds {documents.Count} documents (an earlier run's deposits), more than --documents {count}: find answers for all of them.");
        }

        return [.. documents.Where(d => hashes.ContainsKey(d.Key)).Select(d => (d.Value, hashes[d.Key]))];
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount} cores{(cpu is null ? "" : $" ({cpu})")}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; load generator on the same machine";
    }

    private static string Option(string[] args, string name, string fallback) => OptionOrNull(args, name) ?? fallback;

    private static string? OptionOrNull(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
