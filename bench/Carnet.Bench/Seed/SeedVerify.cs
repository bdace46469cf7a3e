using System.Diagnostics;
using System.Security.Cryptography;
using Carnet.Audit;
using Carnet.Bench.Load;
using Carnet.Documents;
using Carnet.Identifiers;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Bench.Seed;

/// <summary>
/// Checks a seeded database through the application's own code: the counts; that no document is out of reach
/// (each in an open record, in a submission set); that a sample of records finds exactly its documents through
/// <see cref="FindDocuments"/> as its holder (the access gate's query path); that the sampled records' trace chains
/// verify (<see cref="VerifyTraceChain"/>); that documents with real content decrypt and hash-check through
/// <see cref="ContentVault"/>. Over HTTP, against a running Carnet: ITI-67 as the demo laboratory finds a seeded
/// patient's documents, and ITI-68 returns their exact bytes. Prints ids and counts only, never a NIR.
/// </summary>
public sealed class SeedVerify(IServiceProvider services, SeedManifest manifest)
{
    private const int SampledRecords = 100;
    private const int SampledBlobs = 300;
    private readonly SeedPlan _plan = SeedPlan.Create(manifest.Records, manifest.Documents, manifest.Traces, manifest.Seed, manifest.SeededAt);
    private bool _intact = true;

    public async Task<bool> RunAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CarnetDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var clock = Stopwatch.StartNew();
        Console.WriteLine("Verifying the seed through Carnet's code…");

        var seeded = db.Records.Where(r => r.InsAuthority == InsAuthority.InsNir).Select(r => r.Id);
        Check("seeded records", await seeded.CountAsync(ct), manifest.Records);
        Check("documents of seeded records", await db.Documents.CountAsync(d => seeded.Contains(d.RecordId), ct), manifest.Documents);
        Check("traces of seeded records (before this check adds its own)", await db.Traces.LongCountAsync(t => seeded.Contains(t.RecordId), ct), manifest.Traces);
        Check("documents outside an open record", await db.Documents.CountAsync(d => !db.Records.Any(r => r.Id == d.RecordId && r.State == RecordState.Open), ct), 0);
        Check("documents without their submission set", await db.Documents.CountAsync(d => d.SubmissionId == null || !db.DocumentSubmissions.Any(s => s.Id == d.SubmissionId), ct), 0);
        Console.WriteLine($"  traces not yet sealed (demo and application traces): {await db.Traces.LongCountAsync(t => t.Sequence == null, ct):N0}");

        var find = scope.ServiceProvider.GetRequiredService<FindDocuments>();
        var chains = scope.ServiceProvider.GetRequiredService<VerifyTraceChain>();
        var sample = SampleRecords();
        var timings = new List<double>();
        var chainsChecked = 0;
        foreach (var record in sample)
        {
            var nir = _plan.NirOf(record);
            var recordId = await db.Records.Where(r => r.Nir == nir).Select(r => r.Id).SingleAsync(ct);
            if (chainsChecked++ < 20)
            {
                var report = await chains.HandleAsync(recordId, ct);
                Check($"broken trace links of record #{record} ({string.Join(", ", report.Breaks.Select(b => $"{b.Kind} at {b.Sequence}"))})", report.Breaks.Count, 0, quiet: true);
            }

            var caller = new Caller(CallerKind.Holder, "seed verification", HolderRecordId: recordId);
            var started = Stopwatch.GetTimestamp();
            var page = await find.HandleAsync(caller, new FindDocuments.Query(RecordId: recordId, Count: FindDocuments.MaxPageSize), ct);
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Check($"documents found in record #{record}", page.Total, _plan.DocumentsPerRecord[record], quiet: true);
            Check($"documents of another record in record #{record}'s page", page.Items.Count(d => d.RecordId != recordId), 0, quiet: true);
        }

        timings.Sort();
        Console.WriteLine($"  FindDocuments as the holder on {sample.Count} records (up to {sample.Max(r => _plan.DocumentsPerRecord[r]):N0} documents): all found; in-process median {timings[timings.Count / 2]:N1} ms, max {timings[^1]:N1} ms");
        Console.WriteLine($"  trace chains of {Math.Min(20, sample.Count)} records: verified");

        var vault = scope.ServiceProvider.GetRequiredService<ContentVault>();
        var blobs = Spread(manifest.Blobs, SampledBlobs);
        foreach (var blob in blobs)
        {
            var row = await db.Documents.AsNoTracking().Where(d => d.Id == blob.Document).Select(d => new { d.RecordId, d.BlobKey, d.Size, d.Sha256 }).SingleAsync(ct);
            await using var content = await vault.OpenAsync(row.RecordId, row.BlobKey, row.Size, row.Sha256, null, ct);
            var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct));
            Check($"content of document {blob.Document} matches the manifest", hash == blob.Sha256 ? 1 : 0, 1, quiet: true);
        }

        Console.WriteLine($"  {blobs.Count} of {manifest.Blobs.Count:N0} documents with real content decrypted and hash-checked by the content vault");
        Console.WriteLine($"  verified in {clock.Elapsed.TotalSeconds:N0} s");
        return _intact;
    }

    /// <summary>ITI-67 and ITI-68 against a running Carnet, as the demo laboratory (which deposited the documents with real content).</summary>
    public async Task<bool> OverHttpAsync(Uri url, string demoDirectory, CancellationToken ct)
    {
        using var lab = LabCredentials.Load(demoDirectory, url);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var calls = new MhdCalls(http, lab);
        var system = "urn:oid:" + InsAuthority.InsNir.Oid();
        var checkedBlobs = 0;
        foreach (var blob in Spread(manifest.Blobs, 5))
        {
            var (failure, documents) = await calls.SearchAsync(system, _plan.NirOf(blob.Record).Value, ct);
            if (failure is not null || !documents.TryGetValue(blob.MasterIdentifier, out var content))
            {
                Console.WriteLine($"  FAILED: ITI-67 on seeded record #{blob.Record} did not list document {blob.Document} ({failure ?? "absent"})");
                _intact = false;
                continue;
            }

            if (await calls.RetrieveAsync(content, Convert.FromHexString(blob.Sha256), ct) is { } wrong)
            {
                Console.WriteLine($"  FAILED: ITI-68 of document {blob.Document}: {wrong}");
                _intact = false;
                continue;
            }

            checkedBlobs++;
        }

        Console.WriteLine($"  over HTTP ({url}): ITI-67 listed and ITI-68 returned the exact bytes of {checkedBlobs} seeded documents");
        return _intact;
    }

    private List<int> SampleRecords()
    {
        var withDocuments = Enumerable.Range(0, _plan.Records).Where(r => _plan.DocumentsPerRecord[r] > 0).ToList();
        var heaviest = withDocuments.OrderByDescending(r => _plan.DocumentsPerRecord[r]).Take(3);
        var empty = Enumerable.Range(0, _plan.Records).Where(r => _plan.DocumentsPerRecord[r] == 0 && !_plan.IsObjected(r)).Take(2);
        return [.. Spread(withDocuments, SampledRecords).Concat(heaviest).Concat(empty).Distinct()];
    }

    private static List<T> Spread<T>(IReadOnlyList<T> items, int count) =>
        items.Count <= count ? [.. items] : [.. Enumerable.Range(0, count).Select(i => items[(int)((long)i * items.Count / count)])];

    private void Check(string what, long actual, long expected, bool quiet = false)
    {
        if (actual != expected)
        {
            Console.WriteLine($"  FAILED: {what}: {actual:N0}, expected {expected:N0}");
            _intact = false;
        }
        else if (!quiet)
        {
            Console.WriteLine($"  {what}: {actual:N0} as expected");
        }
    }
}
