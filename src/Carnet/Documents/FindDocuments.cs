using Carnet.Access;
using Carnet.Audit;
using Carnet.Identifiers;
using Carnet.Persistence;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Documents;

/// <summary>
/// Searches the documents a caller may see (IHE ITI-67, the portal's library): by record or patient
/// INS, status, category, class, type, deposit date, text in titles and folder names, folder; newest
/// first, in pages. Each record searched gets one trace.
/// </summary>
public sealed class FindDocuments(CarnetDbContext db, AccessGate gate, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public sealed record Query(
        Guid? RecordId = null,
        Ins? Patient = null,
        IReadOnlyCollection<DocumentStatus>? Statuses = null,
        string? Category = null,
        string? ClassCode = null,
        string? TypeCode = null,
        DateTimeOffset? From = null,
        DateTimeOffset? Before = null,
        string? Text = null,
        Guid? FolderId = null,
        bool OldestFirst = false,
        int Offset = 0,
        int Count = 20,
        bool PinnedFirst = false);

    public sealed record Page(IReadOnlyList<HealthDocument> Items, int Total, int Offset, int Count)
    {
        public bool HasMore => Offset + Items.Count < Total;
    }

    public async Task<Page> HandleAsync(Caller caller, Query query, CancellationToken ct)
    {
        var count = Math.Clamp(query.Count, 1, MaxPageSize);
        var offset = Math.Max(0, query.Offset);

        // The patient's record first, by its indexed NIR, then the documents by record: left inside the gate's
        // predicate, the planner read every record to find this one (0.2 s at a million records, docs/performance.md).
        Guid? patientRecord = null;
        if (query.Patient is { } patient)
        {
            patientRecord = await db.Records.Where(r => r.Nir == patient.Nir && r.InsAuthority == patient.Authority).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
            if (patientRecord is null)
            {
                return new Page([], 0, offset, count);
            }
        }

        if (caller.Mode != AccessMode.Normal && (query.RecordId ?? patientRecord) is { } emergencyRecord)
        {
            // A search of one patient's documents in an emergency mode opens the emergency access when the holder allows it (AccessGate).
            await gate.OpenEmergencyAccessAsync(caller, emergencyRecord, ct);
        }

        var documents = gate.ReadableDocuments(caller).AsNoTracking();
        if (query.RecordId is { } recordId)
        {
            documents = documents.Where(d => d.RecordId == recordId);
        }

        if (patientRecord is { } patientRecordId)
        {
            documents = documents.Where(d => d.RecordId == patientRecordId);
        }

        if (query.Statuses is { Count: > 0 } statuses)
        {
            documents = documents.Where(d => statuses.Contains(d.Status));
        }

        if (query.Category is { } category)
        {
            documents = documents.Where(d => d.Category == category);
        }

        if (query.ClassCode is { } classCode)
        {
            documents = documents.Where(d => d.ClassCode == classCode);
        }

        if (query.TypeCode is { } typeCode)
        {
            documents = documents.Where(d => d.TypeCode == typeCode);
        }

        if (query.From is { } from)
        {
            documents = documents.Where(d => d.DepositedAt >= from);
        }

        if (query.Before is { } before)
        {
            documents = documents.Where(d => d.DepositedAt < before);
        }

        if (query.FolderId is { } folderId)
        {
            documents = documents.Where(d => d.FolderId == folderId);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862, MA0011 // Translated to SQL lower(), never run in .NET: no culture applies.
            documents = documents.Where(d => d.Title.ToLower().Contains(text)
                || db.DocumentFolders.Any(f => f.Id == d.FolderId && f.Name.ToLower().Contains(text)));
#pragma warning restore CA1304, CA1311, CA1862, MA0011
        }

        var ordered = (query.OldestFirst, query.PinnedFirst) switch
        {
            (true, false) => documents.OrderBy(d => d.DepositedAt).ThenBy(d => d.Id),
            (false, false) => documents.OrderByDescending(d => d.DepositedAt).ThenByDescending(d => d.Id),
            // The holder's pinned documents come first in their library (DOMAIN.md §4, pin), then by date.
            (true, true) => documents.OrderByDescending(d => d.Pinned).ThenBy(d => d.DepositedAt).ThenBy(d => d.Id),
            (false, true) => documents.OrderByDescending(d => d.Pinned).ThenByDescending(d => d.DepositedAt).ThenByDescending(d => d.Id),
        };
        var items = await ordered.Skip(offset).Take(count).ToListAsync(ct);

        // A page that is not full ends the results, so it tells the total: most records hold fewer documents than a
        // page, and the count is as costly as the page itself (docs/performance.md).
        var total = items.Count < count && (offset == 0 || items.Count > 0) ? offset + items.Count : await documents.CountAsync(ct);

        var searched = items.Select(d => d.RecordId).Distinct().ToList();
        if (searched.Count == 0 && query.RecordId is { } asked && await gate.ReadableRecords(caller).AnyAsync(r => r.Id == asked, ct))
        {
            searched.Add(asked);
        }

        var now = clock.GetUtcNow();
        foreach (var record in searched)
        {
            db.Traces.Add(Trace.Of(record, caller.Actor, TraceActions.DocumentsListed, now, null, caller.Mode));
        }

        await db.SaveChangesAsync(ct);
        return new Page(items, total, offset, count);
    }
}
