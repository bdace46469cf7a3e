using System.CommandLine;
using System.Globalization;
using Carnet.SignIn.Establishments;

namespace Carnet.Web.Cli;

/// <summary><c>carnet signing-keys rotate</c>: Carnet's own keys for the access tokens it issues.</summary>
public static class SigningKeysCommand
{
    public static Command Create(CliContext context)
    {
        var immediately = new Option<bool>("--immediately") { Description = "Sign with the new key at once (the current key is compromised or undecryptable); nodes that have not reloaded refuse new tokens for a few minutes." };
        var rotate = new Command("rotate", "Add a new token signing key; it signs once every node knows it, the old one verifies its tokens until they expire.") { immediately };
        rotate.SetAction((parse, ct) => context.RunAsync(async (services, token) =>
        {
            var result = await services.GetRequiredService<RotateTokenSigningKey>().HandleAsync(new RotateTokenSigningKey.Request(parse.GetValue(immediately)), token);
            await context.Out.WriteLineAsync($"New token signing key {result.Kid} (generation {result.Generation}) signs from {result.SignsFrom.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)}; it is published at /oauth/jwks now.");
            return ExitCodes.Success;
        }, ct));
        return new Command("signing-keys", "Carnet's keys that sign the access tokens of establishment software.") { rotate };
    }
}
