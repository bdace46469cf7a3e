using System.Diagnostics.CodeAnalysis;
using Carnet.Web.Cli;

namespace Carnet.Web;

/// <summary>
/// One executable: with an operator command (<c>import</c>, <c>jobs</c>, <c>records</c>…) it runs the
/// CLI; without, it serves the portal and the API.
/// </summary>
[SuppressMessage("Design", "CA1052:Static holder types should be Static or NotInheritable", Justification = "WebApplicationFactory<Program> needs Program as a type argument.")]
public sealed class Program
{
    private Program()
    {
    }

    public static async Task<int> Main(string[] args)
    {
        if (OperatorCli.Handles(args))
        {
            return await OperatorCli.RunAsync(args);
        }

        await CarnetWebApplication.Build(args).RunAsync();
        return 0;
    }
}
