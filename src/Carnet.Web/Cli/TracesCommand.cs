using System.CommandLine;
using Carnet.Audit;
using Carnet.Identifiers;
using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Web.Cli;

/// <summary>
/// <c>carnet traces verify|heads</c>: checks the traces' hash chains (docs/adr/0011) and prints their
/// heads for anchoring elsewhere. Prints record ids, positions and trace ids only: never a NIR, a name
/// or what a trace says.
/// </summary>
public static class TracesCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("traces", "The traces' tamper-evident hash chains.");
        command.Subcommands.Add(Verify(context));
        command.Subcommands.Add(Heads(context));
        return command;
    }

    private static Option<string?> RecordOption() => new("--record") { Description = "Only this record: its id, or the holder's NIR." };

    private static Command Verify(CliContext context)
    {
        var record = RecordOption();
        var command = new Command("verify", "Recompute every record's chain and name the first broken link of each. Exit 0 when intact, 1 when a chain is broken.") { record };
        command.SetAction((parse, ct) => context.RunAsync(async (services, token) =>
        {
            var recordId = await RecordIdAsync(services, parse.GetValue(record), token);
            var report = await services.GetRequiredService<VerifyTraceChain>().HandleAsync(recordId, token);
            foreach (var broken in report.Breaks)
            {
                context.Out.WriteLine($"BROKEN record {broken.RecordId} at sequence {broken.Sequence} (trace {broken.TraceId}): {Explain(broken.Kind)}");
            }

            context.Out.WriteLine($"{report.Records} record(s), {report.Links} sealed trace(s) checked, {report.Breaks.Count} broken chain(s); {report.Unsealed} trace(s) not sealed yet (the {SealTraces.JobName} job chains them within seconds).");
            return report.Intact ? ExitCodes.Success : ExitCodes.PartialSuccess;
        }, ct));
        return command;
    }

    private static Command Heads(CliContext context)
    {
        var record = RecordOption();
        var command = new Command("heads", "Print each record's last sealed link (record id, sequence, SHA-256 in hex): keep the output elsewhere to detect a chain rewritten from a point.") { record };
        command.SetAction((parse, ct) => context.RunAsync(async (services, token) =>
        {
            var recordId = await RecordIdAsync(services, parse.GetValue(record), token);
            var db = services.GetRequiredService<CarnetDbContext>();
            var heads = TraceChain.Heads(db.Traces.AsNoTracking().Where(t => recordId == null || t.RecordId == recordId))
                .OrderBy(t => t.RecordId)
                .Select(t => new { t.RecordId, t.Sequence, t.Hash })
                .AsAsyncEnumerable();
            await foreach (var head in heads.WithCancellation(token))
            {
                context.Out.WriteLine($"{head.RecordId} {head.Sequence} {Convert.ToHexStringLower(head.Hash ?? [])}");
            }

            return ExitCodes.Success;
        }, ct));
        return command;
    }

    private static string Explain(VerifyTraceChain.BreakKind kind) => kind switch
    {
        VerifyTraceChain.BreakKind.Modified => "this trace was modified (its hash does not match its content)",
        VerifyTraceChain.BreakKind.Deleted => "the trace at this position was deleted (the chain skips it)",
        _ => "the chain no longer links from here (traces reordered or rewritten)",
    };

    /// <summary>A record id as given, or the record of a NIR; a record that does not exist is "not found" (exit 3).</summary>
    private static async Task<Guid?> RecordIdAsync(IServiceProvider services, string? value, CancellationToken ct)
    {
        if (value is null)
        {
            return null;
        }

        var records = services.GetRequiredService<CarnetDbContext>().Records.AsNoTracking();
        if (Guid.TryParse(value, out var id))
        {
            records = records.Where(r => r.Id == id);
        }
        else
        {
            var nir = Nir.ParseAny(value, "--record");
            records = records.Where(r => r.Nir == nir);
        }

        return await records.Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct)
            ?? throw new Records.RecordNotFoundException("No record was found for this id or NIR. Check it (see 'records show <nir>' for a record's id).");
    }
}
