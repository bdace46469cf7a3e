using Carnet.Identifiers;
using Carnet.Persistence;
using Carnet.Records.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carnet.Records.Import;

/// <summary>
/// The operator's enrolment import (DOMAIN.md §3.1): streams a CSV or NDJSON file of insured persons,
/// creates each new person's record awaiting notice and queues the notice with its provisional code;
/// updates known persons; reports each bad line with its number and goes on. Re-importing the same
/// file changes nothing and sends nothing twice. Memory stays flat: lines are handled in batches and
/// the change tracker is cleared after each.
/// </summary>
public sealed class ImportInsuredPersons(
    CarnetDbContext db,
    HolderMail holderMail,
    TimeProvider clock,
    IOptions<RecordsOptions> options,
    IOptions<InsOptions> insOptions)
{
    public const int BatchSize = 1000;

    public sealed record Request(
        Stream Content,
        ImportFormat Format,
        string Source,
        Func<ImportLineError, ValueTask>? OnError = null,
        IProgress<ImportCounts>? Progress = null);

    public sealed record Result(Guid BatchId, ImportCounts Counts);

    public async Task<Result> HandleAsync(Request request, CancellationToken ct)
    {
        var lines = request.Format == ImportFormat.Csv ? CsvPersonReader.Read(request.Content) : NdjsonPersonReader.Read(request.Content);
        var validator = new InsuredPersonValidator(insOptions.Value.AllowTestAuthorities);
        var batch = ImportBatch.Start(request.Source, request.Format, clock.GetUtcNow());
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var counts = new Counter();
        var pending = new List<(long Line, InsuredPerson Person)>(BatchSize);
        var errors = new List<ImportLineError>();
        foreach (var line in lines)
        {
            ct.ThrowIfCancellationRequested();
            counts.Lines++;
            if (line.IsBlank)
            {
                continue;
            }

            errors.Clear();
            var person = validator.Validate(line, options.Value.Today(clock.GetUtcNow()), errors);
            if (person is null)
            {
                counts.Rejected++;
                await ReportAsync(request, errors);
                continue;
            }

            pending.Add((line.Line, person));
            if (pending.Count == BatchSize)
            {
                await FlushAsync(pending, counts, request, ct);
                request.Progress?.Report(counts.Snapshot());
            }
        }

        await FlushAsync(pending, counts, request, ct);
        var final = counts.Snapshot();
        request.Progress?.Report(final);

        db.ImportBatches.Attach(batch);
        batch.Complete(final, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return new Result(batch.Id, final);
    }

    private async Task FlushAsync(List<(long Line, InsuredPerson Person)> pending, Counter counts, Request request, CancellationToken ct)
    {
        if (pending.Count == 0)
        {
            return;
        }

        try
        {
            var (created, updated, unchanged) = await ApplyAsync(pending, ct);
            counts.Created += created;
            counts.Updated += updated;
            counts.Unchanged += unchanged;
        }
        catch (Exception e) when (IsSaveFailure(e))
        {
            // Nothing of this batch was saved. Save its lines one by one, so that one line the
            // database refuses (or a person changed concurrently) does not cost the other 999.
            db.ChangeTracker.Clear();
            foreach (var item in pending)
            {
                try
                {
                    var (created, updated, unchanged) = await ApplyAsync([item], ct);
                    counts.Created += created;
                    counts.Updated += updated;
                    counts.Unchanged += unchanged;
                }
                catch (Exception lineError) when (IsSaveFailure(lineError))
                {
                    db.ChangeTracker.Clear();
                    counts.Rejected++;
                    await ReportAsync(request, [new ImportLineError(item.Line, "line", $"could not be saved ({lineError.GetType().Name}): if the person was being changed at the same moment, import the file again (known persons are not duplicated); otherwise report it with the line number.")]);
                }
            }
        }

        pending.Clear();
    }

    private static bool IsSaveFailure(Exception e) => e is DbUpdateException or System.Data.Common.DbException;

    private async Task<(int Created, int Updated, int Unchanged)> ApplyAsync(List<(long Line, InsuredPerson Person)> pending, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = options.Value.Today(now);
        var nirs = pending.Select(p => p.Person.Nir).Distinct().ToList();
        var known = await db.Records.Where(r => nirs.Contains(r.Nir)).ToDictionaryAsync(r => r.Nir, ct);
        var knownIds = known.Values.Select(r => r.Id).ToList();
        var representations = (await db.Representations
                .Where(r => knownIds.Contains(r.RecordId))
                .Select(r => new { r.RecordId, r.RepresentativeNir })
                .ToListAsync(ct))
            .Select(r => (r.RecordId, r.RepresentativeNir))
            .ToHashSet();

        int created = 0, updated = 0, unchanged = 0;
        var fresh = new List<HealthRecord>();
        var contactChanged = new List<HealthRecord>();
        foreach (var (_, person) in pending)
        {
            var isNew = !known.TryGetValue(person.Nir, out var record);
            if (isNew)
            {
                record = HealthRecord.Import(person, now);
                db.Records.Add(record);
                known[person.Nir] = record;
                fresh.Add(record);
                created++;
            }

            var (email, address) = (record!.Email, record.Address);
            var changed = !isNew && record.Refresh(person, now);
            if (changed && record.State == RecordState.AwaitingNotice && (email != record.Email || address != record.Address))
            {
                contactChanged.Add(record);
            }

            foreach (var representative in person.Representatives)
            {
                if (representations.Add((record!.Id, representative)))
                {
                    db.Representations.Add(Representation.Start(record, representative, today, now));
                    changed |= !isNew;
                }
            }

            if (!isNew)
            {
                if (changed)
                {
                    updated++;
                }
                else
                {
                    unchanged++;
                }
            }
        }

        foreach (var record in fresh)
        {
            holderMail.SendNotice(record);
        }

        // Not yet informed and new contact details (for example after a bounce with no address):
        // the notice goes again, to the new contact, with a new code.
        foreach (var record in contactChanged)
        {
            await holderMail.ResendNoticeAsync(record, ct);
        }

        // Measured hot path: new rows go in bulk (docs/adr/0006); updates through EF Core, same transaction.
        await db.SaveChangesInBulkAsync(ct);
        db.ChangeTracker.Clear();
        return (created, updated, unchanged);
    }

    private static async Task ReportAsync(Request request, IEnumerable<ImportLineError> errors)
    {
        if (request.OnError is null)
        {
            return;
        }

        foreach (var error in errors)
        {
            await request.OnError(error);
        }
    }

    private sealed class Counter
    {
        public long Lines { get; set; }

        public long Created { get; set; }

        public long Updated { get; set; }

        public long Unchanged { get; set; }

        public long Rejected { get; set; }

        public ImportCounts Snapshot() => new(Lines, Created, Updated, Unchanged, Rejected);
    }
}
