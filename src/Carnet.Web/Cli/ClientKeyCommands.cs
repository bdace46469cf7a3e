using System.CommandLine;
using System.Globalization;
using Carnet.Professionals;
using Carnet.SignIn.Establishments;

namespace Carnet.Web.Cli;

/// <summary><c>carnet clients add-key|revoke-key|keys|disable|enable</c>: an establishment client's keys and access.</summary>
public static class ClientKeyCommands
{
    public static IEnumerable<Command> Create(CliContext context) => [AddKey(context), RevokeKey(context), Keys(context), Switch(context, enabled: false), Switch(context, enabled: true)];

    private static Option<string> ClientId() => new("--client-id") { Required = true, Description = "The client id printed by `clients register` (es-<FINESS>-…)." };

    private static Command AddKey(CliContext context)
    {
        var clientId = ClientId();
        var jwk = new Option<FileInfo>("--jwk") { Required = true, Description = "A file holding the client's PUBLIC key as one JWK with a kid (EC P-256 or RSA of 2048 bits or more)." };
        var command = new Command("add-key", "Register a public key the client signs its assertions with (several keys allow rotation).") { clientId, jwk };
        command.SetAction((parse, ct) => context.RunAsync(async (services, token) =>
        {
            var file = parse.GetValue(jwk)!;
            if (!file.Exists)
            {
                await context.Error.WriteLineAsync($"No file {file.FullName}: give the path of the public JWK.");
                return ExitCodes.InvalidInput;
            }

            var result = await services.GetRequiredService<RegisterClientKey>().HandleAsync(
                new RegisterClientKey.Request(parse.GetValue(clientId), await File.ReadAllTextAsync(file.FullName, token)),
                token);
            await context.Out.WriteLineAsync($"Registered key \"{result.Kid}\" ({result.Algorithm}) for client {result.ClientId}: the software can sign its assertions with it now.");
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    private static Command RevokeKey(CliContext context)
    {
        var clientId = ClientId();
        var kid = new Option<string>("--kid") { Required = true, Description = "The kid of the key to revoke (see `clients keys`)." };
        var command = new Command("revoke-key", "Revoke a client key: assertions signed with it are refused from now on.") { clientId, kid };
        command.SetAction((parse, ct) => context.RunAsync(async (services, token) =>
        {
            await services.GetRequiredService<RevokeClientKey>().HandleAsync(new RevokeClientKey.Request(parse.GetValue(clientId), parse.GetValue(kid)), token);
            await context.Out.WriteLineAsync($"Revoked key \"{parse.GetValue(kid)}\" of client {parse.GetValue(clientId)}: token requests and calls signed with it are refused from now on.");
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    private static Command Keys(CliContext context)
    {
        var clientId = ClientId();
        var command = new Command("keys", "List a client's keys, oldest first.") { clientId };
        command.SetAction((parse, ct) => context.RunAsync(async (services, token) =>
        {
            var result = await services.GetRequiredService<ListClientKeys>().HandleAsync(new ListClientKeys.Request(parse.GetValue(clientId)), token);
            await context.Out.WriteLineAsync($"Client {result.ClientId} ({(result.Enabled ? "enabled" : "disabled")}): {result.Keys.Count} key(s)");
            foreach (var key in result.Keys)
            {
                var state = key.RevokedAt is { } at ? "revoked " + Day(at) : "active";
                await context.Out.WriteLineAsync($"  {key.Kid}  {key.Algorithm}  added {Day(key.AddedAt)}  {state}");
            }

            return ExitCodes.Success;
        }, ct));
        return command;
    }

    private static Command Switch(CliContext context, bool enabled)
    {
        var clientId = ClientId();
        var command = enabled
            ? new Command("enable", "Enable a client again: it can get tokens and call the API.") { clientId }
            : new Command("disable", "Disable a client: it gets no token, and the tokens it holds are refused at their next call.") { clientId };
        command.SetAction((parse, ct) => context.RunAsync(async (services, token) =>
        {
            var changed = await services.GetRequiredService<SetEstablishmentClientEnabled>().HandleAsync(new SetEstablishmentClientEnabled.Request(parse.GetValue(clientId), enabled), token);
            var state = enabled ? "enabled" : "disabled";
            await context.Out.WriteLineAsync(changed ? $"Client {parse.GetValue(clientId)} is now {state}." : $"Client {parse.GetValue(clientId)} was already {state}: nothing changed.");
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    private static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
