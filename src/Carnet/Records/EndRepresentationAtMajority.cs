using Carnet.Audit;
using Carnet.Jobs;
using Carnet.Persistence;
using Carnet.Records.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carnet.Records;

/// <summary>
/// On a minor's 18th birthday, the parents' representation ends (DOMAIN.md §3.4); the young adult and
/// the former representatives are told. Guardianships of adults have no end date and are untouched.
/// </summary>
public sealed class EndRepresentationAtMajority(CarnetDbContext db, HolderMail holderMail, TimeProvider clock, IOptions<RecordsOptions> options) : IScheduledJob
{
    public const string JobName = "records.end-representation-at-majority";
    public Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = options.Value.Today(now);
        return VersionedBatches.ProcessAsync(
            db,
            () => db.Representations.Where(r => r.EndedAt == null && r.EndsOn != null && r.EndsOn <= today).OrderBy(r => r.Id),
            (due, token) => EndAsync(due, now, token),
            ct);
    }

    private async Task EndAsync(IReadOnlyList<Representation> due, DateTimeOffset now, CancellationToken ct)
    {
        var recordIds = due.Select(r => r.RecordId).Distinct().ToList();
        var records = await db.Records.Where(r => recordIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var representativeNirs = due.Select(r => r.RepresentativeNir).Distinct().ToList();
        var representatives = await db.Records.AsNoTracking()
            .Where(r => representativeNirs.Contains(r.Nir) && r.Email != null)
            .Select(r => new { r.Nir, r.Email })
            .ToDictionaryAsync(r => r.Nir, r => r.Email!, ct);

        foreach (var representation in due)
        {
            representation.EndAtMajority(now);
            var child = records[representation.RecordId];
            db.Traces.Add(Trace.Of(child.Id, Actor.SystemJob(JobName), TraceActions.RepresentationEnded, now, representation.Id.ToString()));
            if (representatives.TryGetValue(representation.RepresentativeNir, out var email))
            {
                holderMail.Inform(email, child.Id, NoticeTemplates.RepresentationEnded(child.DisplayName));
            }
        }

        // Told once: when a child's last representation ends (two parents may fall in two batches).
        var ending = due.Select(r => r.Id).ToList();
        var stillRepresented = await db.Representations
            .Where(r => recordIds.Contains(r.RecordId) && r.EndedAt == null && !ending.Contains(r.Id))
            .Select(r => r.RecordId)
            .Distinct()
            .ToListAsync(ct);
        foreach (var child in records.Values.Where(c => !stillRepresented.Contains(c.Id)))
        {
            holderMail.Inform(child, NoticeTemplates.CameOfAge());
        }
    }
}
