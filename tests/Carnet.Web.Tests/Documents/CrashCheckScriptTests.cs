using Carnet.Web.Tests.Fhir;
using Carnet.Web.Tests.Testing;

namespace Carnet.Web.Tests.Documents;

/// <summary>
/// DOMAIN.md §4 "nothing acknowledged is ever lost", with a real process: bench/scripts/crash-check.sh
/// starts Carnet, deposits from four clients, kills it with SIGKILL mid-deposit, restarts it, checks
/// every acknowledged document byte for byte and that none is half-visible, then runs the orphan
/// sweeper and counts the blobs left.
/// </summary>
public class CrashCheckScriptTests
{
    [FhirToolsFact]
    public async Task A_process_killed_during_deposits_loses_nothing_acknowledged_shows_nothing_half_and_leaves_no_orphan()
    {
        var root = Scripts.RepositoryRoot();

        var (exit, output) = await Scripts.RunAsync("bash", [Path.Combine(root, "bench", "scripts", "crash-check.sh"), "30"], root, TimeSpan.FromMinutes(5));

        exit.ShouldBe(0, output);
        output.ShouldContain("0 failure(s)");
        output.ShouldContain("no orphan");
        output.ShouldContain("crash check passed");
    }
}
