namespace Carnet.Bench.Seed;

/// <summary>
/// Every seeded document, in deposit-time order (so ids, which are UUIDv7 of the deposit time, grow as in
/// production): its record, depositor and id, the documents of each record (for their traces), and which
/// documents get real encrypted content (spread evenly over time, hence over records).
/// </summary>
public sealed class DocumentLayout
{
    private DocumentLayout(DocumentSlot[] slots, Guid[] ids, int[] offsets, int[] byRecord, int[] blobs)
    {
        Slots = slots;
        Ids = ids;
        Offsets = offsets;
        ByRecord = byRecord;
        Blobs = blobs;
    }

    public DocumentSlot[] Slots { get; }

    public Guid[] Ids { get; }

    /// <summary>The documents of record r are <c>ByRecord[Offsets[r]..Offsets[r + 1]]</c> (indexes into <see cref="Slots"/>).</summary>
    public int[] Offsets { get; }

    public int[] ByRecord { get; }

    /// <summary>Indexes of the documents with real content.</summary>
    public int[] Blobs { get; }

    public static DocumentLayout Create(SeedPlan plan, SeedParties parties, int blobs)
    {
        var random = new Random(plan.Seed + 1);
        var slots = new DocumentSlot[plan.Documents];
        var now = plan.Now.UtcTicks;
        long position = 0;
        for (var record = 0; record < plan.Records; record++)
        {
            var remaining = plan.DocumentsPerRecord[record];
            var from = plan.CreatedAt(record).UtcTicks;
            var activatedFrom = plan.IsActivated(record) ? plan.ActivatedAt(record).UtcTicks : (long?)null;
            while (remaining > 0)
            {
                // A deposit brings one document, sometimes two or three (an MHD bundle); most come from the record's
                // few regular professionals (its care team), some from the holder once they use their record.
                var draw = random.NextDouble();
                var count = Math.Min(remaining, draw < 0.7 ? 1 : draw < 0.9 ? 2 : 3);
                var byHolder = activatedFrom is not null && random.NextDouble() < 0.12;
                var depositor = byHolder
                    ? DocumentSlot.Holder
                    : (int)(SeedIds.Hash(plan.Seed, record, 10 + random.Next(4)) % (ulong)parties.Professionals.Count);
                var start = byHolder ? activatedFrom!.Value : from;
                var ticks = start + (long)(random.NextDouble() * (now - start));
                for (short ordinal = 0; ordinal < count; ordinal++)
                {
                    slots[position++] = new DocumentSlot(ticks, record, depositor, ordinal);
                }

                remaining -= count;
            }
        }

        Array.Sort(slots, DocumentSlot.ByTime);
        var ids = new Guid[slots.Length];
        for (var i = 0; i < slots.Length; i++)
        {
            ids[i] = SeedIds.Version7(new DateTimeOffset(slots[i].Ticks, TimeSpan.Zero), random);
        }

        var chosen = new List<int>(blobs);
        var stride = blobs == 0 ? long.MaxValue : Math.Max(1, slots.LongLength / blobs);
        for (long i = stride / 2; i < slots.LongLength && chosen.Count < blobs; i += stride)
        {
            chosen.Add((int)i);
            if (parties.Laboratory is not null)
            {
                slots[i] = slots[i] with { Depositor = DocumentSlot.Laboratory };
            }
        }

        var offsets = new int[plan.Records + 1];
        for (var r = 0; r < plan.Records; r++)
        {
            offsets[r + 1] = offsets[r] + plan.DocumentsPerRecord[r];
        }

        var cursor = (int[])offsets.Clone();
        var byRecord = new int[slots.Length];
        for (var i = 0; i < slots.Length; i++)
        {
            byRecord[cursor[slots[i].Record]++] = i;
        }

        return new DocumentLayout(slots, ids, offsets, byRecord, [.. chosen]);
    }
}
