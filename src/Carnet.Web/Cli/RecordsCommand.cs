using System.CommandLine;
using Carnet.Identifiers;
using Carnet.Records;

namespace Carnet.Web.Cli;

/// <summary><c>carnet records show|suspend|…  &lt;nir&gt;</c>: lifecycle support for the operator.</summary>
public static class RecordsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("records", "A record's lifecycle: look at it, suspend it, or carry out a holder's request.");
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Step(context, "suspend", LifecycleStep.Suspend, "Suspend (fraud or serious malfunction); the holder is told and has six weeks to object."));
        command.Subcommands.Add(Step(context, "record-suspension-objection", LifecycleStep.ObjectToSuspension, "Record the holder's objection to a suspension: the record will not be closed automatically."));
        command.Subcommands.Add(Step(context, "lift-suspension", LifecycleStep.LiftSuspension, "Lift a suspension: the record is open again."));
        command.Subcommands.Add(Step(context, "close", LifecycleStep.Close, "Close at the holder's request: data archived ten years."));
        command.Subcommands.Add(Step(context, "request-deletion", LifecycleStep.RequestDeletion, "The holder asks for deletion: carried out within three months."));
        command.Subcommands.Add(Step(context, "reopen", LifecycleStep.Reopen, "Reopen at the holder's request (restores the archive)."));
        command.Subcommands.Add(Step(context, "object", LifecycleStep.ObjectToCreation, "Record the person's objection to the creation of their record (received by post or phone)."));
        return command;
    }

    private static Argument<string> NirArgument() => new("nir") { Description = "The person's 15-character NIR." };

    private static Command Show(CliContext context)
    {
        var nir = NirArgument();
        var command = new Command("show", "Show a record's lifecycle state (no health data). The look is traced.") { nir };
        command.SetAction((parse, ct) => context.RunAsync(async (services, token) =>
        {
            var view = await services.GetRequiredService<ShowRecordLifecycle>().HandleAsync(new ShowRecordLifecycle.Request(Nir.ParseAny(parse.GetValue(nir)), context.OperatorId), token);
            context.Out.WriteLine($"Record {view.RecordId}  {view.DisplayName}  born {view.BirthDate:yyyy-MM-dd}  INS authority {view.InsAuthority}");
            context.Out.WriteLine($"  state {view.State}{(view.Activated ? " (activated)" : "")}");
            Line("imported", view.ImportedAt);
            Line("notice sent", view.NoticeSentAt);
            Line("opposition window ends", view.OppositionWindowEndsAt);
            Line("objected", view.ObjectedAt);
            Line("created", view.CreatedAt);
            Line("activated", view.ActivatedAt);
            Line("suspended", view.SuspendedAt);
            Line("closes after suspension", view.SuspensionClosesAt);
            Line("closed", view.ClosedAt);
            Line("purge due", view.PurgeDueAt);
            Line("deletion requested", view.DeletionRequestedAt);
            Line("deletion due", view.DeletionDueAt);
            Line("purged", view.PurgedAt);
            context.Out.WriteLine($"  live provisional codes {view.LiveProvisionalCodes}, messages waiting {view.PendingMessages}, letters waiting {view.PendingLetters}");
            foreach (var r in view.Representations)
            {
                context.Out.WriteLine($"  representative ({r.Kind}) since {r.StartedAt:yyyy-MM-dd}{(r.EndsOn is { } ends ? $", until {ends:yyyy-MM-dd}" : "")}{(r.EndedAt is { } ended ? $", ended {ended:yyyy-MM-dd}" : "")}");
            }

            return ExitCodes.Success;
        }, ct));
        return command;

        void Line(string label, DateTimeOffset? at)
        {
            if (at is { } value)
            {
                context.Out.WriteLine($"  {label,-26}{value:yyyy-MM-dd HH:mm} UTC");
            }
        }
    }

    private static Command Step(CliContext context, string name, LifecycleStep step, string description)
    {
        var nir = NirArgument();
        var command = new Command(name, description) { nir };
        command.SetAction((parse, ct) => context.RunAsync(async (services, token) =>
        {
            var state = await services.GetRequiredService<OperatorLifecycleRequest>().HandleAsync(new OperatorLifecycleRequest.Request(Nir.ParseAny(parse.GetValue(nir)), step, context.OperatorId), token);
            context.Out.WriteLine($"Done: the record is now {state}.");
            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
