using System.Diagnostics;
using Carnet.Web.Demo;
using Carnet.Web.Tests.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Web.Tests.SignIn.Establishments;

/// <summary>
/// The README's example, run as written against a real Kestrel server: the demo seed writes the lab's
/// key, and tools/lab-call.mjs gets a token and calls GET /api/caller as the biologist.
/// </summary>
public class LabCallScriptTests
{
    [NodeFact]
    public async Task The_readme_lab_script_gets_a_token_and_calls_as_the_biologist()
    {
        await using var app = await CarnetWebFactory.StartAsync(settings: new Dictionary<string, string?>(StringComparer.Ordinal) { ["Carnet:Demo:Seed"] = "true" });

        // The script signs with the machine's clock, as real software does.
        app.Clock.UtcNow = TimeProvider.System.GetUtcNow();
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var (exit, output, errors) = await RunNodeAsync(address, Path.Combine(app.Folder, "demo"));

        exit.ShouldBe(0, $"tools/lab-call.mjs failed:\n{output}\n{errors}");
        output.ShouldContain("2. POST " + address.TrimEnd('/') + "/oauth/token");
        output.ShouldContain("→ 200 OK");
        output.ShouldContain("\"displayName\": \"Émilie ROBIN\"");
        output.ShouldContain("\"idNatPs\": \"810505678903\"");
        output.ShouldContain("\"accessMode\": \"normal\"");
    }

    [Fact]
    public async Task The_demo_writes_the_lab_key_readable_by_its_owner_only()
    {
        await using var app = await CarnetWebFactory.StartAsync(settings: new Dictionary<string, string?>(StringComparer.Ordinal) { ["Carnet:Demo:Seed"] = "true" });
        using var client = app.CreateClient();
        (await client.GetStringAsync("/health")).ShouldBe("Healthy");
        var demo = Path.Combine(app.Folder, "demo");

        var settings = await File.ReadAllTextAsync(Path.Combine(demo, DemoSeeder.LabSettingsFile));
        var signIns = await File.ReadAllTextAsync(Path.Combine(demo, "sign-ins.txt"));

        settings.ShouldContain("\"id_nat_ps\": \"810505678903\"");
        settings.ShouldContain("\"token_audience\": \"http://127.0.0.1:5080/oauth/token\"");
        (await File.ReadAllTextAsync(Path.Combine(demo, DemoSeeder.LabKeyFile))).ShouldContain("\"d\":");
        signIns.ShouldContain("node tools/lab-call.mjs");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(demo, DemoSeeder.LabKeyFile)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.GetUnixFileMode(Path.Combine(demo, DemoSeeder.LabSettingsFile)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static async Task<(int Exit, string Output, string Errors)> RunNodeAsync(string address, string demoDirectory)
    {
        var root = RepositoryRoot();
        var start = new ProcessStartInfo(NodeFactAttribute.NodePath!, [Path.Combine("tools", "lab-call.mjs")])
        {
            WorkingDirectory = root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["CARNET_DEMO_DIR"] = demoDirectory;
        start.Environment["CARNET_URL"] = address;
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await node.WaitForExitAsync(timeout.Token);
        return (node.ExitCode, await output, await errors);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Carnet.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Carnet.slnx not found above " + AppContext.BaseDirectory);
    }
}
