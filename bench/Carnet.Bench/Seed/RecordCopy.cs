using Carnet.Records;

namespace Carnet.Bench.Seed;

/// <summary>The records, each brought through its lifecycle by the domain's own transitions (import, notice, creation or objection, activation).</summary>
public static class RecordCopy
{
    public static async Task<Guid[]> WriteAsync(BatchedCopy copy, SeedPlan plan, CancellationToken ct)
    {
        var ids = new Guid[plan.Records];
        var row = copy.Table.NewRow();
        for (var i = 0; i < plan.Records; i++)
        {
            var record = HealthRecord.Import(plan.PersonOf(i), plan.ImportedAt(i));
            record.NoticeSent(plan.NoticeSentAt(i));
            if (plan.IsObjected(i))
            {
                record.ObjectToCreation(plan.ObjectedAt(i));
            }
            else
            {
                record.CreateAutomatically(plan.CreatedAt(i));
                if (plan.IsActivated(i))
                {
                    record.Activate(plan.ActivatedAt(i));
                }
            }

            copy.Table.Fill(row, record);
            await copy.WriteAsync(row, ct);
            ids[i] = record.Id;
        }

        await copy.CommitAsync(ct);
        return ids;
    }
}
