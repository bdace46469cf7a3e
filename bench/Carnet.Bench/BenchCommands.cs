using System.Diagnostics;
using System.Globalization;

namespace Carnet.Bench;

/// <summary>
/// <c>import-scaling [--counts 100000,1000000] [--provider Sqlite|Postgres --connection …]</c>: generates
/// enrolment files of growing size and imports each in a fresh process and database, reporting the time
/// and the process's peak memory, which must stay flat as the file grows.
/// </summary>
public static class BenchCommands
{
    public static async Task<int> RunAsync(string[] args)
    {
        var command = args.FirstOrDefault();
        switch (command)
        {
            case "import-scaling":
                return await ImportScalingAsync(args);
            case "import-one":
                return await ImportOne.RunAsync(args[1], args.Length > 2 ? args[2] : "Sqlite", args.Length > 3 ? args[3] : null);
            case "trace-cost":
                return await TraceCost.RunAsync(int.Parse(Option(args, "--writes", "4000"), CultureInfo.InvariantCulture), Option(args, "--provider", "Sqlite"), Option(args, "--connection", ""));
            case "load":
                return await Load.LoadCommand.RunAsync(args);
            case "seed":
                return await Seed.SeedCommand.RunAsync(args);
            case "generate":
                EnrolmentFile.Write(args[2], long.Parse(args[1], CultureInfo.InvariantCulture));
                return 0;
            default:
                Console.Error.WriteLine("usage: Carnet.Bench import-scaling [--counts 100000,250000,1000000] [--provider Sqlite|Postgres] [--connection <admin connection string>]");
                Console.Error.WriteLine("       Carnet.Bench generate <count> <file.ndjson>");
                Console.Error.WriteLine("       Carnet.Bench load [--url …] [--scenarios find,retrieve,deposit,mixed] [--clients 8] [--seconds 30] (bench/scripts/load.sh)");
                Console.Error.WriteLine("       Carnet.Bench seed --connection … [--records 1000000 --documents 10000000 --traces 50000000 --blobs 20000] [--verify] (bench/scripts/scale.sh)");
                return 2;
        }
    }

    private static async Task<int> ImportScalingAsync(string[] args)
    {
        var counts = Option(args, "--counts", "100000,250000,1000000").Split(',').Select(c => long.Parse(c, CultureInfo.InvariantCulture)).ToList();
        var provider = Option(args, "--provider", "Sqlite");
        var connection = Option(args, "--connection", "");
        var work = Directory.CreateTempSubdirectory("carnet-bench-").FullName;
        Console.WriteLine($"Import scaling, provider {provider}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine("persons     | seconds | persons/s | peak working set (MB)");
        try
        {
            foreach (var count in counts)
            {
                var file = Path.Combine(work, $"persons-{count}.ndjson");
                EnrolmentFile.Write(file, count);
                var child = await RunChildAsync(["import-one", file, provider, connection]);
                Console.WriteLine(child);
                File.Delete(file);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        return 0;
    }

    private static async Task<string> RunChildAsync(string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        var self = typeof(BenchCommands).Assembly.Location;
        if (!Path.GetFileNameWithoutExtension(Environment.ProcessPath!).Equals("Carnet.Bench", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(self);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output.Trim() : throw new InvalidOperationException($"import-one failed ({process.ExitCode}): {error}");
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
