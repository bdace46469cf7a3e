using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Carnet.Csv;
using Carnet.Records.Import;

namespace Carnet.Web.Cli;

/// <summary><c>carnet import &lt;file&gt;</c>: the enrolment import, with progress and a per-line error report.</summary>
public static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "The CSV or NDJSON file of insured persons (docs/operator/enrolment-files.md)." };
        var format = new Option<ImportFormat?>("--format") { Description = "csv or ndjson; by default taken from the file extension." };
        var errors = new Option<FileInfo?>("--errors") { Description = "Where to write rejected lines (line, field, problem). Default: <file>.errors.csv" };
        var command = new Command("import", "Import insured persons: creates their records awaiting notice and queues the notices.") { file, format, errors };
        command.SetAction((parse, ct) => context.RunAsync((services, token) => RunAsync(context, services, parse.GetRequiredValue(file), parse.GetValue(format), parse.GetValue(errors), token), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, IServiceProvider services, FileInfo file, ImportFormat? format, FileInfo? errorsFile, CancellationToken ct)
    {
        if (!file.Exists)
        {
            await context.Error.WriteLineAsync($"File not found: {file.FullName}");
            return ExitCodes.InvalidInput;
        }

        var chosen = format ?? (file.Extension.ToLowerInvariant() switch
        {
            ".csv" => ImportFormat.Csv,
            ".ndjson" or ".jsonl" => ImportFormat.Ndjson,
            _ => (ImportFormat?)null,
        });
        if (chosen is null)
        {
            await context.Error.WriteLineAsync("Cannot tell the format from the extension: add --format csv or --format ndjson.");
            return ExitCodes.InvalidInput;
        }

        var errorsPath = errorsFile?.FullName ?? file.FullName + ".errors.csv";
        var rejected = 0L;
        var stopwatch = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        await using var report = new StreamWriter(errorsPath);
        await CsvWriter.WriteRowAsync(report, ["line", "field", "problem"], ct);
        await using var content = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

        var progress = new SynchronousProgress<ImportCounts>(counts =>
        {
            if (stopwatch.Elapsed - lastReport < TimeSpan.FromSeconds(2))
            {
                return;
            }

            lastReport = stopwatch.Elapsed;
            context.Error.WriteLine(Describe(counts, stopwatch.Elapsed));
        });

        var handler = services.GetRequiredService<ImportInsuredPersons>();
        var result = await handler.HandleAsync(
            new ImportInsuredPersons.Request(
                content,
                chosen.Value,
                file.Name,
                async error =>
                {
                    rejected++;
                    await CsvWriter.WriteRowAsync(report, [error.Line.ToString(CultureInfo.InvariantCulture), error.Field, error.Problem], ct);
                    if (rejected <= 10)
                    {
                        await context.Error.WriteLineAsync("  " + error);
                    }
                },
                progress),
            ct);

        context.Out.WriteLine(Describe(result.Counts, stopwatch.Elapsed));
        if (result.Counts.Rejected == 0)
        {
            await report.DisposeAsync();
            File.Delete(errorsPath);
            return ExitCodes.Success;
        }

        context.Out.WriteLine($"{result.Counts.Rejected} line(s) rejected: see {errorsPath}. Fix them and import the file again: accepted lines are not duplicated.");
        return ExitCodes.PartialSuccess;
    }

    private static string Describe(ImportCounts c, TimeSpan elapsed) => string.Create(
        CultureInfo.InvariantCulture,
        $"{c.Lines:N0} entries: {c.Created:N0} created, {c.Updated:N0} updated, {c.Unchanged:N0} unchanged, {c.Rejected:N0} rejected — {elapsed.TotalSeconds:N1} s, {c.Lines / Math.Max(elapsed.TotalSeconds, 0.001):N0} entries/s");

    /// <summary>Reports on the importing thread (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
