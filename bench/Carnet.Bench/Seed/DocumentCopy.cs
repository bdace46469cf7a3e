using Carnet.Audit;
using Carnet.Documents;

namespace Carnet.Bench.Seed;

/// <summary>
/// The documents and their deposits (submission sets), in deposit-time order, through the domain's own
/// <see cref="HealthDocument.Deposit"/>: metadata drawn from the DMP code sets, the content the blob stage
/// stored for the few with real content, else a plausible size and random hashes (metadata only: there is no
/// blob to read). Returns the manifest of the documents with real content.
/// </summary>
public static class DocumentCopy
{
    private const double HiddenFromProfessionals = 0.03;

    public static async Task<IReadOnlyList<SeededBlob>> WriteAsync(BatchedCopy documents, BatchedCopy submissions, SeedPlan plan, SeedParties parties, DocumentLayout layout, Guid[] recordIds, IReadOnlyDictionary<int, StoredContent> stored, CancellationToken ct)
    {
        var random = new Random(plan.Seed + 2);
        var row = documents.Table.NewRow();
        var submissionRow = submissions.Table.NewRow();
        var submissionColumn = documents.Table["SubmissionId"];
        var (subId, subRecord, subDepositor, subIdempotency, subSource, subAt) = (submissions.Table["Id"], submissions.Table["RecordId"], submissions.Table["DepositorId"], submissions.Table["IdempotencyKey"], submissions.Table["SourceIdentifier"], submissions.Table["At"]);
        var manifest = new List<SeededBlob>(stored.Count);
        var submission = Guid.Empty;
        DocumentSlot? previous = null;
        for (var i = 0; i < layout.Slots.Length; i++)
        {
            var slot = layout.Slots[i];
            var at = new DateTimeOffset(slot.Ticks, TimeSpan.Zero);
            var recordId = recordIds[slot.Record];
            var (actor, client, finess) = Depositor(slot, recordId, plan, parties, i);
            var type = slot.Depositor switch
            {
                DocumentSlot.Holder => parties.HolderType(random),
                DocumentSlot.Laboratory => Carnet.Terminology.CodeSets.DocumentTypes.TryGet("11502-2", out var biology) ? biology : parties.ProfessionalType(random),
                _ => parties.ProfessionalType(random),
            };

            // A new submission set per deposit: a bundle's documents share the record, the depositor and the moment.
            if (slot.Ordinal == 0 || previous is not { } p || p.Record != slot.Record || p.Depositor != slot.Depositor || p.Ticks != slot.Ticks)
            {
                submission = SeedIds.Version7(at, random);
                submissionRow[subId] = submission;
                submissionRow[subRecord] = recordId;
                submissionRow[subDepositor] = actor.Id;
                submissionRow[subIdempotency] = client is null ? null : SeedIds.Version4(random).ToString();
                submissionRow[subSource] = client is null ? null : "urn:uuid:" + SeedIds.Version4(random);
                submissionRow[subAt] = at;
                await submissions.WriteAsync(submissionRow, ct);
            }

            previous = slot;
            var content = stored.TryGetValue(i, out var real)
                ? real
                : new StoredContent($"{ContentVault.Prefix}{recordId:N}/{SeedIds.Version7(at, random):N}", Size(random), SeedIds.Bytes(random, 32), SeedIds.Bytes(random, 20));
            var professional = actor.Kind == ActorKind.Professional;
            var metadata = new DocumentMetadata(
                "urn:uuid:" + SeedIds.Version4(random),
                type.Display.Length > 256 ? type.Display[..256] : type.Display,
                type.Category,
                type.Code,
                type.System,
                type.ClassCode,
                null,
                "application/pdf",
                at - TimeSpan.FromDays(random.Next(0, 30)),
                professional ? actor.Id : null,
                professional ? actor.DisplayName : null,
                finess,
                new Confidentiality(professional && random.NextDouble() < HiddenFromProfessionals, false, false));
            var document = HealthDocument.Deposit(layout.Ids[i], recordId, metadata, content, actor, client, at);
            documents.Table.Fill(row, document);
            row[submissionColumn] = submission;
            await documents.WriteAsync(row, ct);
            if (real is not null)
            {
                manifest.Add(new SeededBlob(document.Id, document.ContentId, slot.Record, recordId, metadata.MasterIdentifier, real.Size, Convert.ToHexStringLower(real.Sha256)));
            }
        }

        await submissions.CommitAsync(ct);
        await documents.CommitAsync(ct);
        return manifest;
    }

    /// <summary>The depositor's actor as traces name it, and the software and establishment it deposited through.</summary>
    public static (Actor Actor, string? Client, string? Finess) Depositor(DocumentSlot slot, Guid recordId, SeedPlan plan, SeedParties parties, long document) => slot.Depositor switch
    {
        DocumentSlot.Holder => (HolderOf(plan, slot.Record, recordId), null, null),
        DocumentSlot.Laboratory => (parties.Laboratory!, parties.LaboratoryClient, parties.LaboratoryFiness),
        _ => Professional(parties, slot.Depositor, SeedIds.Unit(plan.Seed, document, 20)),
    };

    public static Actor HolderOf(SeedPlan plan, int record, Guid recordId)
    {
        var person = plan.PersonOf(record);
        return new Actor(ActorKind.Holder, recordId.ToString(), $"{person.GivenNames} {person.FamilyName}");
    }

    private static (Actor, string?, string?) Professional(SeedParties parties, int professional, double draw)
    {
        var (client, finess) = parties.ThroughSoftware(professional, draw);
        return (parties.Professionals[professional], client, finess);
    }

    /// <summary>Document sizes: lognormal around 150 KB (scanned letters, reports, a few large imaging reports), at most 50 MB.</summary>
    private static long Size(Random random)
    {
        var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Clamp((long)Math.Exp(Math.Log(150_000) + gaussian), 2_000, 50_000_000);
    }
}
