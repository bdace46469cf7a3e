using Carnet.Audit;
using Carnet.Records;

namespace Carnet.Bench.Seed;

/// <summary>
/// Each record's traces, record after record: its creation (or the objection), the activation, one per deposit
/// (by the depositor, naming the document), and reads in the proportion the plan gives (lists, views and
/// retrievals of its documents, the holder looking at their history and access choices). Sealed as the
/// <c>audit.seal-traces</c> job would (docs/adr/0011): positions 1, 2, … by time, each hash chained with
/// <see cref="TraceChain.Link"/>, so <see cref="VerifyTraceChain"/> accepts them and the sealer's queue is empty.
/// </summary>
public static class TraceCopy
{
    public static async Task WriteAsync(BatchedCopy copy, SeedPlan plan, SeedParties parties, DocumentLayout layout, Guid[] recordIds, CancellationToken ct)
    {
        var random = new Random(plan.Seed + 3);
        var row = copy.Table.NewRow();
        var (sequenceColumn, hashColumn) = (copy.Table["Sequence"], copy.Table["Hash"]);
        var system = Actor.SystemJob(CreateRecordsAfterOppositionWindow.JobName);
        var now = plan.Now.UtcTicks;
        var events = new List<(long Ticks, string Action, Actor Actor, string? Target)>();
        for (var r = 0; r < plan.Records; r++)
        {
            events.Clear();
            var recordId = recordIds[r];
            var holder = DocumentCopy.HolderOf(plan, r, recordId);
            var activated = plan.IsActivated(r);
            var activatedAt = activated ? plan.ActivatedAt(r).UtcTicks : now;
            var createdAt = plan.CreatedAt(r).UtcTicks;
            if (plan.IsObjected(r))
            {
                events.Add((plan.ObjectedAt(r).UtcTicks, TraceActions.RecordObjected, holder, null));
            }
            else
            {
                events.Add((createdAt, TraceActions.RecordCreated, system, null));
            }

            if (activated)
            {
                events.Add((activatedAt, TraceActions.RecordActivated, holder, null));
            }

            var (first, last) = (layout.Offsets[r], layout.Offsets[r + 1]);
            for (var j = first; j < last; j++)
            {
                var document = layout.ByRecord[j];
                var slot = layout.Slots[document];
                events.Add((slot.Ticks, TraceActions.DocumentDeposited, DocumentCopy.Depositor(slot, recordId, plan, parties, document).Actor, layout.Ids[document].ToString()));
            }

            for (var extra = plan.TracesPerRecord[r] - plan.BaseTraces(r); extra > 0; extra--)
            {
                var careTeam = parties.Professionals[(int)(SeedIds.Hash(plan.Seed, r, 10 + random.Next(4)) % (ulong)parties.Professionals.Count)];
                var byHolder = activated && random.NextDouble() < 0.5;
                var actor = byHolder ? holder : careTeam;
                var from = byHolder ? activatedAt : createdAt;
                var draw = random.NextDouble();
                if (last > first && draw < 0.65)
                {
                    // A look at one document, after it was deposited: viewed in the portal, retrieved by software.
                    var document = layout.ByRecord[first + random.Next(last - first)];
                    var depositedAt = Math.Max(layout.Slots[document].Ticks, from);
                    events.Add((depositedAt + (long)(random.NextDouble() * (now - depositedAt)), byHolder ? TraceActions.DocumentViewed : TraceActions.DocumentRetrieved, actor, layout.Ids[document].ToString()));
                    continue;
                }

                var action = (byHolder, draw) switch
                {
                    (true, < 0.8) => TraceActions.DocumentsListed,
                    (true, < 0.9) => TraceActions.TracesViewed,
                    (true, < 0.95) => TraceActions.AccessChoicesViewed,
                    (true, _) => TraceActions.RecordViewed,
                    _ => TraceActions.DocumentsListed,
                };
                events.Add((from + (long)(random.NextDouble() * (now - from)), action, actor, null));
            }

            events.Sort((a, b) => a.Ticks.CompareTo(b.Ticks));
            byte[] previous = TraceChain.Genesis.ToArray();
            long sequence = 0;
            foreach (var (ticks, action, actor, target) in events)
            {
                // PostgreSQL keeps microseconds: the hash must be of the time as stored, or the chain would not verify.
                var trace = Trace.Of(recordId, actor, action, new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero), target);
                previous = TraceChain.Link(previous, trace, ++sequence);
                copy.Table.Fill(row, trace);
                row[sequenceColumn] = sequence;
                row[hashColumn] = previous;
                await copy.WriteAsync(row, ct);
            }
        }

        await copy.CommitAsync(ct);
    }
}
