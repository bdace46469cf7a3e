using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Carnet.Audit;
using Carnet.Documents;
using Carnet.Identifiers;
using Carnet.Persistence;
using Carnet.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Carnet.Bench.Seed;

/// <summary>
/// <c>seed --connection … [--records 1000000] [--documents 10000000] [--traces 50000000] [--blobs 20000]
/// [--blob-size 102400] [--blob-dir data/blobs] [--key-dir data/keys] [--demo-dir data/demo] [--seed 42]
/// [--manifest …] [--batch 1000000] [--verify] [--verify-only] [--url …]</c>: fills a Carnet PostgreSQL database
/// (already migrated: start Carnet on it once) with records, documents, their submission sets and sealed traces by
/// binary COPY into the tables as the migrations made them, every index in place; stores real encrypted content
/// for <c>--blobs</c> documents through Carnet's content vault (the other documents are metadata only); writes a
/// manifest of those; prints rows/s, elapsed time and sizes. <c>--verify</c> then checks it through the
/// application's own code (bench/scripts/scale.sh runs it all).
/// </summary>
public static class SeedCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var connection = Option(args, "--connection", "");
        if (connection.Length == 0)
        {
            Console.Error.WriteLine("seed needs --connection <Npgsql connection string of a migrated Carnet database>.");
            return 2;
        }

        var blobDirectory = Path.GetFullPath(Option(args, "--blob-dir", Path.Combine("data", "blobs")));
        var manifestPath = Option(args, "--manifest", Path.Combine(Path.GetDirectoryName(blobDirectory)!, "seed-manifest.json"));
        var verifyOnly = args.Contains("--verify-only", StringComparer.Ordinal);
        var url = Option(args, "--url", "");
        var demoDirectory = Option(args, "--demo-dir", "");
        var ct = CancellationToken.None;

        var work = Directory.CreateTempSubdirectory("carnet-seed-").FullName;
        try
        {
            await using var services = Services(connection, blobDirectory, Path.GetFullPath(Option(args, "--key-dir", Path.Combine("data", "keys"))), work);
            if (!verifyOnly)
            {
                var manifest = await SeedAsync(services, args, connection, demoDirectory, ct);
                if (manifest is null)
                {
                    return 3;
                }

                manifest.Write(manifestPath);
                Console.WriteLine($"Manifest of the {manifest.Blobs.Count:N0} documents with real content: {manifestPath}");
                if (!args.Contains("--verify", StringComparer.Ordinal))
                {
                    return 0;
                }
            }

            var verify = new SeedVerify(services, SeedManifest.Read(manifestPath));
            var intact = await verify.RunAsync(ct);
            if (url.Length > 0)
            {
                intact &= await verify.OverHttpAsync(new Uri(url), demoDirectory.Length > 0 ? demoDirectory : Path.Combine("data", "demo"), ct);
            }

            Console.WriteLine(intact ? "Verification passed." : "Verification FAILED.");
            return intact ? 0 : 1;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<SeedManifest?> SeedAsync(ServiceProvider services, string[] args, string connection, string demoDirectory, CancellationToken ct)
    {
        var records = int.Parse(Option(args, "--records", "1000000"), CultureInfo.InvariantCulture);
        var documents = long.Parse(Option(args, "--documents", "10000000"), CultureInfo.InvariantCulture);
        var traces = long.Parse(Option(args, "--traces", "50000000"), CultureInfo.InvariantCulture);
        var blobs = (int)Math.Min(int.Parse(Option(args, "--blobs", "20000"), CultureInfo.InvariantCulture), documents);
        var blobSize = int.Parse(Option(args, "--blob-size", "102400"), CultureInfo.InvariantCulture);
        var seed = int.Parse(Option(args, "--seed", "42"), CultureInfo.InvariantCulture);
        var batch = long.Parse(Option(args, "--batch", "1000000"), CultureInfo.InvariantCulture);

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CarnetDbContext>();
            if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            {
                Console.Error.WriteLine("The database is not migrated: start Carnet on it once (it applies its migrations), then seed.");
                return null;
            }

            if (await db.Records.AnyAsync(r => r.InsAuthority == InsAuthority.InsNir, ct))
            {
                Console.Error.WriteLine("The database already holds seeded records (INS-NIR): seed a fresh database, or pass --verify-only.");
                return null;
            }
        }

        var total = Stopwatch.StartNew();
        var now = TimeProvider.System.GetUtcNow();
        var plan = SeedPlan.Create(records, documents, traces, seed, now);
        var laboratory = Laboratory(demoDirectory);
        await using var scopeForModel = services.CreateAsyncScope();
        var model = scopeForModel.ServiceProvider.GetRequiredService<CarnetDbContext>();
        var classCodeLength = model.Model.FindEntityType(typeof(HealthDocument))!.FindProperty(nameof(HealthDocument.ClassCode))!.GetMaxLength() ?? int.MaxValue;
        var parties = new SeedParties(records, classCodeLength, laboratory?.Actor, laboratory?.Client, null);
        var layout = DocumentLayout.Create(plan, parties, blobs);
        Console.WriteLine($"Seed {seed}: {records:N0} records, {documents:N0} documents, {traces:N0} traces, {blobs:N0} with real content ({blobSize:N0} bytes); planned in {total.Elapsed.TotalSeconds:N1} s");
        Console.WriteLine($"Records by documents held: {string.Join(", ", plan.Histogram().Select(h => $"{h.Band}: {h.Records:N0}"))}; most in one record: {plan.DocumentsPerRecord.Max():N0}");
        if (laboratory is null)
        {
            Console.WriteLine("No --demo-dir: the documents with real content are deposited by pool professionals (the demo laboratory cannot retrieve them).");
        }

        await using var first = new NpgsqlConnection(connection);
        await using var second = new NpgsqlConnection(connection);
        await first.OpenAsync(ct);
        await second.OpenAsync(ct);

        var progresses = new List<SeedProgress>();
        var recordTable = CopyTable.Of<HealthRecord>(model);
        Guid[] recordIds;
        await using (var copy = new BatchedCopy(first, recordTable, Track(progresses, new SeedProgress(recordTable.Name, records)), batch))
        {
            recordIds = await RecordCopy.WriteAsync(copy, plan, ct);
            copy.Progress.Stop();
        }

        var stored = await BlobStage.StoreAsync(services, plan, layout, recordIds, blobSize, ct);

        var documentTable = CopyTable.Of<HealthDocument>(model);
        var submissionTable = CopyTable.Of<DocumentSubmission>(model);
        var submissionProgress = Track(progresses, new SeedProgress(submissionTable.Name, documents));
        IReadOnlyList<SeededBlob> manifest;
        await using (var documentCopy = new BatchedCopy(first, documentTable, Track(progresses, new SeedProgress(documentTable.Name, documents)), batch))
        await using (var submissionCopy = new BatchedCopy(second, submissionTable, submissionProgress, batch))
        {
            manifest = await DocumentCopy.WriteAsync(documentCopy, submissionCopy, plan, parties, layout, recordIds, stored, ct);
            documentCopy.Progress.Stop();
            submissionProgress.Stop();
        }

        var traceTable = CopyTable.Of<Carnet.Audit.Trace>(model);
        await using (var copy = new BatchedCopy(first, traceTable, Track(progresses, new SeedProgress(traceTable.Name, traces)), batch))
        {
            await TraceCopy.WriteAsync(copy, plan, parties, layout, recordIds, ct);
            copy.Progress.Stop();
        }

        // What autovacuum would do in time: the planner needs statistics of the new rows from the first query.
        var tables = new[] { recordTable.Name, documentTable.Name, submissionTable.Name, traceTable.Name, "RecordKeys" };
        var analyzing = Stopwatch.StartNew();
        await using (var command = new NpgsqlCommand($"ANALYZE {string.Join(", ", tables.Select(t => "\"" + t + "\""))}", first) { CommandTimeout = 0 })
        {
            await command.ExecuteNonQueryAsync(ct);
        }

        total.Stop();
        Console.WriteLine();
        Console.WriteLine($"Seeded in {total.Elapsed:hh\\:mm\\:ss} (ANALYZE {analyzing.Elapsed.TotalSeconds:N0} s)");
        Console.WriteLine("table                     rows     seconds     rows/s");
        foreach (var progress in progresses)
        {
            Console.WriteLine($"{progress.Table,-20} {progress.Rows,12:N0} {progress.Elapsed.TotalSeconds,10:N0} {progress.RowsPerSecond,10:N0}");
        }

        await DatabaseSizes.PrintAsync(first, tables, documents, ct);
        var documentBytes = await model.Documents.SumAsync(d => d.Size, ct);
        Console.WriteLine($"Documents' declared content: {documentBytes / 1048576.0:N0} MB ({documentBytes / (double)Math.Max(1, documents):N0} bytes per document on average)");
        return new SeedManifest(seed, records, documents, traces, blobSize, now, manifest);
    }

    private static SeedProgress Track(List<SeedProgress> progresses, SeedProgress progress)
    {
        progresses.Add(progress);
        return progress;
    }

    /// <summary>The demo laboratory's acting professional and software, from the lab-client.json the demo seed wrote.</summary>
    private static (Actor Actor, string Client)? Laboratory(string demoDirectory)
    {
        var path = Path.Combine(demoDirectory, "lab-client.json");
        if (demoDirectory.Length == 0 || !File.Exists(path))
        {
            return null;
        }

        var lab = JsonNode.Parse(File.ReadAllText(path))!;
        var professional = lab["acting_professional"]!;
        return (new Actor(ActorKind.Professional, (string)professional["id_nat_ps"]!, (string)professional["name"]!), (string)lab["client_id"]!);
    }

    /// <summary>Carnet's own composition on the seeded database, with the blob folder and master keys a Carnet with the same settings uses.</summary>
    private static ServiceProvider Services(string connection, string blobDirectory, string keyDirectory, string work)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ConnectionStrings:Carnet"] = connection,
            ["Carnet:Database:Provider"] = "Postgres",
            ["Carnet:Storage:Provider"] = "FileSystem",
            ["Carnet:Storage:Path"] = blobDirectory,
            ["Carnet:Keys:Directory"] = keyDirectory,
            ["Carnet:Keys:GenerateIfMissing"] = "false",
            ["Carnet:Mail:PickupDirectory"] = Path.Combine(work, "mail"),
            ["Carnet:Mail:SmsDirectory"] = Path.Combine(work, "sms"),
            ["Carnet:Jobs:Enabled"] = "false",
        }).Build();
        return new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddCarnet(configuration).BuildServiceProvider();
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
