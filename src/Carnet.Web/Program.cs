using Carnet.Web.Cli;

namespace Carnet.Web;

/// <summary>
/// One executable: with an operator command (<c>import</c>, <c>jobs</c>, <c>records</c>…) it runs the
/// CLI; without, it serves the portal and the API.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (OperatorCli.Handles(args))
        {
            return await OperatorCli.RunAsync(args);
        }

        var app = CarnetWebApplication.Build(args);
        await CarnetWebApplication.PrepareAsync(app, CancellationToken.None);
        await app.RunAsync();
        return 0;
    }
}
