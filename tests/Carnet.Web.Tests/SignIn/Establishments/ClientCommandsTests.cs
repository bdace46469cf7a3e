using Carnet.Tests.SignIn.Establishments;
using Carnet.Web.Cli;
using Carnet.Web.Tests.Testing;

namespace Carnet.Web.Tests.SignIn.Establishments;

/// <summary>The operator's commands for client keys, client access and Carnet's signing keys.</summary>
public sealed class ClientCommandsTests : IAsyncLifetime
{
    private OperatorCliRunner _cli = null!;

    public async Task InitializeAsync() => _cli = await OperatorCliRunner.StartAsync();

    public async Task DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task The_operator_adds_lists_and_revokes_client_keys()
    {
        var clientId = await RegisterClientAsync();
        using var key = SoftwareKey.Ec("lis-2026-01");
        var file = await WriteAsync("public.jwk", key.PublicJwk);

        var (added, addOutput, _) = await _cli.RunAsync("clients", "add-key", "--client-id", clientId, "--jwk", file);
        var (revoked, revokeOutput, _) = await _cli.RunAsync("clients", "revoke-key", "--client-id", clientId, "--kid", "lis-2026-01");
        var (_, keys, _) = await _cli.RunAsync("clients", "keys", "--client-id", clientId);

        added.ShouldBe(ExitCodes.Success);
        addOutput.ShouldContain("Registered key \"lis-2026-01\" (ES256)");
        revoked.ShouldBe(ExitCodes.Success);
        revokeOutput.ShouldContain("refused from now on");
        keys.ShouldContain("lis-2026-01  ES256  added 2026-01-05 09:00 UTC  revoked 2026-01-05 09:00 UTC");
    }

    [Fact]
    public async Task A_private_jwk_is_refused_without_being_echoed()
    {
        var clientId = await RegisterClientAsync();
        using var key = SoftwareKey.Ec();
        var file = await WriteAsync("private.jwk", key.PrivateJwk);

        var (exit, _, errors) = await _cli.RunAsync("clients", "add-key", "--client-id", clientId, "--jwk", file);

        exit.ShouldBe(ExitCodes.InvalidInput);
        errors.ShouldContain("This is a private key");
        errors.ShouldNotContain(System.Text.Json.Nodes.JsonNode.Parse(key.PrivateJwk)!["d"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_operator_disables_and_enables_a_client()
    {
        var clientId = await RegisterClientAsync();

        var (disabled, output, _) = await _cli.RunAsync("clients", "disable", "--client-id", clientId);
        var (_, again, _) = await _cli.RunAsync("clients", "disable", "--client-id", clientId);
        var (enabled, _, _) = await _cli.RunAsync("clients", "enable", "--client-id", clientId);
        var (unknown, _, errors) = await _cli.RunAsync("clients", "disable", "--client-id", "es-690000013-00000000");

        disabled.ShouldBe(ExitCodes.Success);
        output.ShouldContain("is now disabled");
        again.ShouldContain("already disabled");
        enabled.ShouldBe(ExitCodes.Success);
        unknown.ShouldBe(ExitCodes.InvalidInput);
        errors.ShouldContain("clients register");
    }

    [Fact]
    public async Task The_operator_rotates_carnet_signing_keys()
    {
        var (first, firstOutput, _) = await _cli.RunAsync("signing-keys", "rotate");
        var (second, secondOutput, _) = await _cli.RunAsync("signing-keys", "rotate");

        first.ShouldBe(ExitCodes.Success);
        firstOutput.ShouldContain("(generation 1) signs from 2026-01-05 09:00:00 UTC");
        second.ShouldBe(ExitCodes.Success);
        secondOutput.ShouldContain("(generation 2) signs from 2026-01-05 09:05:00 UTC");
    }

    private async Task<string> RegisterClientAsync()
    {
        (await _cli.RunAsync("establishments", "register", "--finess", Lab.Finess, "--name", "Laboratoire", "--kind", "Laboratory")).Exit.ShouldBe(ExitCodes.Success);
        return (await _cli.RunAsync("clients", "register", "--finess", Lab.Finess, "--name", "LIS")).Output.Trim();
    }

    private async Task<string> WriteAsync(string name, string content)
    {
        var path = Path.Combine(_cli.Folder, name);
        await File.WriteAllTextAsync(path, content);
        return path;
    }
}
