using Carnet.Persistence;
using Carnet.Records;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Audit;

/// <summary>
/// Walks each record's trace chain by <see cref="Trace.Sequence"/>, recomputes every link and names the
/// first broken one per record (docs/adr/0011): a modified trace (its hash no longer matches while the
/// next link still chains from it), a deleted one (a gap in the sequence), reordered or rewritten ones
/// (the links after it no longer chain). Reports ids and positions only, never what a trace says.
/// The traces of a purged record are removed after two years (<see cref="PurgeExpiredTraces"/>): what
/// survives is checked link by link from its first surviving trace, gaps accepted.
/// </summary>
public sealed class VerifyTraceChain(CarnetDbContext db)
{
    public enum BreakKind
    {
        /// <summary>The trace at this position was changed: its hash does not match its content.</summary>
        Modified,

        /// <summary>The trace at this position is missing: the next one has a later position.</summary>
        Deleted,

        /// <summary>From this position the links no longer chain: traces were reordered or rewritten.</summary>
        Reordered,
    }

    /// <summary>The first broken link of a record: its position and the id of the trace found there.</summary>
    public sealed record Break(Guid RecordId, long Sequence, long TraceId, BreakKind Kind);

    public sealed record Report(int Records, long Links, long Unsealed, IReadOnlyList<Break> Breaks)
    {
        public bool Intact => Breaks.Count == 0;
    }

    public async Task<Report> HandleAsync(Guid? recordId, CancellationToken ct)
    {
        var purged = (await db.Records.AsNoTracking()
            .Where(r => r.State == RecordState.Purged && (recordId == null || r.Id == recordId))
            .Select(r => r.Id)
            .ToListAsync(ct)).ToHashSet();
        var unsealed = await db.Traces.LongCountAsync(t => t.Sequence == null && (recordId == null || t.RecordId == recordId), ct);

        var traces = db.Traces.AsNoTracking()
            .Where(t => t.Sequence != null && (recordId == null || t.RecordId == recordId))
            .OrderBy(t => t.RecordId).ThenBy(t => t.Sequence)
            .AsAsyncEnumerable();

        var breaks = new List<Break>();
        var records = 0;
        long links = 0;
        Walk? walk = null;
        await foreach (var trace in traces.WithCancellation(ct))
        {
            links++;
            if (walk is null || walk.RecordId != trace.RecordId)
            {
                Finish(walk, breaks);
                walk = new Walk(trace.RecordId, purged.Contains(trace.RecordId));
                records++;
            }

            walk.Next(trace);
        }

        Finish(walk, breaks);
        return new Report(records, links, unsealed, breaks);
    }

    private static void Finish(Walk? walk, List<Break> breaks)
    {
        if (walk?.End() is { } found)
        {
            breaks.Add(found);
        }
    }

    /// <summary>One record's walk: the previous link as stored, the position expected next, and a mismatch waiting for the next link to say what it was.</summary>
    private sealed class Walk(Guid recordId, bool purged)
    {
        private byte[]? _previous = purged ? null : TraceChain.Genesis.ToArray();
        private long _expected = 1;
        private Trace? _mismatch;
        private Break? _found;

        public Guid RecordId { get; } = recordId;

        public void Next(Trace trace)
        {
            if (_found is not null)
            {
                return;
            }

            var sequence = trace.Sequence!.Value;
            if (_mismatch is not null)
            {
                // The next link still chains from the stored hash: only the mismatching trace was changed.
                var chains = sequence == _expected + 1 && Matches(TraceChain.Link(_mismatch.Hash, trace, sequence), trace.Hash);
                _found = new Break(RecordId, _expected, _mismatch.Id, chains ? BreakKind.Modified : BreakKind.Reordered);
                return;
            }

            if (sequence != _expected)
            {
                if (purged && sequence > _expected)
                {
                    // Expired traces of a purged record are gone: start again from the one that survives.
                    _previous = null;
                }
                else
                {
                    _found = new Break(RecordId, _expected, trace.Id, sequence > _expected ? BreakKind.Deleted : BreakKind.Reordered);
                    return;
                }
            }

            if (_previous is not null && !Matches(TraceChain.Link(_previous, trace, sequence), trace.Hash))
            {
                _expected = sequence;
                _mismatch = trace;
                return;
            }

            _previous = trace.Hash ?? [];
            _expected = sequence + 1;
        }

        public Break? End() => _found ?? (_mismatch is { } last ? new Break(RecordId, _expected, last.Id, BreakKind.Modified) : null);

        private static bool Matches(byte[] computed, byte[]? stored) =>
            stored is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(computed, stored);
    }
}
