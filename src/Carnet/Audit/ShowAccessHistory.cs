using System.Linq.Expressions;
using Carnet.Access;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Audit;

/// <summary>
/// The holder's access history (DOMAIN.md §6): who read or changed their record, filtered by actor
/// group and dates, newest first, in pages of 100 with a total. Only for those who may open the record
/// (the holder, a representative); for anyone else the record is not found. Reading it is traced.
/// </summary>
public sealed class ShowAccessHistory(CarnetDbContext db, AccessGate gate, TimeProvider clock)
{
    public const int PageSize = 100;

    /// <summary>
    /// <paramref name="To"/> is exclusive; <paramref name="Offset"/> counts traces from the newest. <paramref name="Kinds"/>
    /// narrows to some actor kinds (the portal's "me" / "my relatives"); <paramref name="ActionPrefixes"/> to actions
    /// starting with one of them ("document." …), for the portal's "kind of action" filter.
    /// </summary>
    public sealed record Query(Guid RecordId, ActorGroup? Group = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int Offset = 0, int Count = PageSize, IReadOnlyList<ActorKind>? Kinds = null, IReadOnlyList<string>? ActionPrefixes = null);

    /// <summary>One trace as the holder sees it: no actor id, nothing from the chain.</summary>
    public sealed record Entry(long Id, DateTimeOffset At, ActorKind ActorKind, ActorGroup ActorGroup, string ActorName, string Action, string? Target, AccessMode AccessMode);

    public sealed record Page(IReadOnlyList<Entry> Items, int Total, int Offset, int Count)
    {
        public bool HasMore => Offset + Items.Count < Total;
    }

    public async Task<Page> HandleAsync(Caller caller, Query query, CancellationToken ct)
    {
        if (!await gate.ReadableRecords(caller).AnyAsync(r => r.Id == query.RecordId, ct))
        {
            throw new RecordNotFoundException(HealthDataRefusals.NotFound);
        }

        var count = Math.Clamp(query.Count, 1, PageSize);
        var offset = Math.Max(0, query.Offset);
        var traces = (await gate.ReadableTracesAsync(caller, query.RecordId, ct)).AsNoTracking();
        if (query.Group is { } group)
        {
            var kinds = ActorGroups.KindsOf(group);
            traces = traces.Where(t => kinds.Contains(t.ActorKind));
        }

        if (query.Kinds is { Count: > 0 } actorKinds)
        {
            traces = traces.Where(t => actorKinds.Contains(t.ActorKind));
        }

        if (query.ActionPrefixes is { Count: > 0 } prefixes)
        {
            traces = traces.Where(ActionStartsWithAny(prefixes));
        }

        if (query.From is { } from)
        {
            var utc = from.ToUniversalTime();
            traces = traces.Where(t => t.At >= utc);
        }

        if (query.To is { } to)
        {
            var utc = to.ToUniversalTime();
            traces = traces.Where(t => t.At < utc);
        }

        var total = await traces.CountAsync(ct);
        var items = await traces.OrderByDescending(t => t.At).ThenByDescending(t => t.Id)
            .Skip(offset).Take(count)
            .Select(t => new { t.Id, t.At, t.ActorKind, t.ActorName, t.Action, t.Target, t.AccessMode })
            .ToListAsync(ct);

        db.Traces.Add(Trace.Of(query.RecordId, caller.Actor, TraceActions.TracesViewed, clock.GetUtcNow(), mode: caller.Mode));
        await db.SaveChangesAsync(ct);
        return new Page(items.Select(t => new Entry(t.Id, t.At, t.ActorKind, ActorGroups.Of(t.ActorKind), t.ActorName, t.Action, t.Target, t.AccessMode)).ToList(), total, offset, count);
    }

    /// <summary>t => t.Action.StartsWith(p1) || t.Action.StartsWith(p2) …, which EF translates to LIKE 'p%' on both providers.</summary>
    private static Expression<Func<Trace, bool>> ActionStartsWithAny(IReadOnlyList<string> prefixes)
    {
        var trace = Expression.Parameter(typeof(Trace), "t");
        var action = Expression.Property(trace, nameof(Trace.Action));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        var any = prefixes.Select(p => (Expression)Expression.Call(action, startsWith, Expression.Constant(p))).Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<Trace, bool>>(any, trace);
    }
}
