using System.CommandLine;
using Carnet.Records.Notices;

namespace Carnet.Web.Cli;

/// <summary><c>carnet letters export --output letters.csv</c>: hand the waiting letters to the print house.</summary>
public static class LettersCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<FileInfo>("--output") { Required = true, Description = "The CSV file to write for the print house." };
        var export = new Command("export", "Write the letters waiting to be posted and mark them sent (starts the opposition window of notices).") { output };
        export.SetAction((parse, ct) => context.RunAsync(async (services, token) =>
        {
            var file = parse.GetRequiredValue(output);
            await using var writer = new StreamWriter(file.FullName);
            var count = await services.GetRequiredService<ExportPostalLetters>().HandleAsync(writer, token);
            context.Out.WriteLine($"{count} letter(s) written to {file.FullName}.");
            return ExitCodes.Success;
        }, ct));
        return new Command("letters", "Postal letters (notices for people without e-mail or whose e-mail bounced).") { export };
    }
}
