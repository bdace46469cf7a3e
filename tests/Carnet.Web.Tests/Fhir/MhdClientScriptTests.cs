using Carnet.Web.Tests.SignIn.Establishments;
using Carnet.Web.Tests.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Web.Tests.Fhir;

/// <summary>
/// A real external FHIR client (npm fhir-kit-client, tools/fhir/mhd-client.mjs) against Carnet on a real
/// Kestrel port: it deposits (ITI-65, inline and with a raw Binary), retries, replaces, finds (ITI-67,
/// following next links), reads and retrieves (ITI-68, with a Range), provokes an error, and runs both
/// FHIR validators (npm fhir, the R4 JSON schema) over every resource Carnet returned.
/// </summary>
public class MhdClientScriptTests
{
    [FhirToolsFact]
    public async Task An_external_FHIR_client_deposits_finds_and_retrieves_and_every_answer_validates()
    {
        await using var app = await CarnetWebFactory.StartAsync(settings: new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Carnet:Demo:Seed"] = "true",
            ["Carnet:Ins:AllowTestAuthorities"] = "true",
        });

        // The script signs with the machine's clock, as real software does.
        app.Clock.UtcNow = TimeProvider.System.GetUtcNow();
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var root = Scripts.RepositoryRoot();
        var (installed, log) = await Scripts.RunAsync("bash", [Path.Combine(root, "tools", "fhir", "install.sh")], root, TimeSpan.FromMinutes(3));
        installed.ShouldBe(0, "tools/fhir/install.sh failed:\n" + log);
        var output = Path.Combine(app.Folder, "fhir-out");

        var (exit, printed) = await Scripts.RunAsync(
            NodeFactAttribute.NodePath!,
            [Path.Combine(root, "tools", "fhir", "mhd-client.mjs"), "--out", output],
            root,
            TimeSpan.FromMinutes(3),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["CARNET_DEMO_DIR"] = Path.Combine(app.Folder, "demo"), ["CARNET_URL"] = address });

        exit.ShouldBe(0, printed);
        printed.Split('\n').ShouldNotContain(line => line.StartsWith("FAIL", StringComparison.Ordinal) || line.StartsWith("skip", StringComparison.Ordinal));
        printed.ShouldContain("ITI-65");
        printed.ShouldContain("ITI-67");
        printed.ShouldContain("ITI-68");
        Directory.EnumerateFiles(output, "*.json", SearchOption.AllDirectories).Count().ShouldBeGreaterThan(5);
    }
}
