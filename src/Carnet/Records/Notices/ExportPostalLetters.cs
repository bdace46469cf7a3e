using Carnet.Csv;
using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Records.Notices;

/// <summary>
/// Hands the waiting letters to the print house as a CSV file and marks them sent. A notice letter
/// starts its opposition window at export. The letter text (with its code) is erased once exported.
/// </summary>
public sealed class ExportPostalLetters(CarnetDbContext db, HolderMail holderMail, TimeProvider clock)
{
    private const int BatchSize = 500;

    public static readonly IReadOnlyList<string> Columns =
        ["letter_id", "purpose", "recipient", "address_line1", "address_line2", "postal_code", "city", "country", "text"];

    public async Task<int> HandleAsync(TextWriter output, CancellationToken ct)
    {
        await CsvWriter.WriteRowAsync(output, Columns, ct);
        var exported = 0;
        while (true)
        {
            var letters = await db.PostalLetters
                .Where(l => l.ExportedAt == null)
                .OrderBy(l => l.CreatedAt)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (letters.Count == 0)
            {
                break;
            }

            var now = clock.GetUtcNow();
            foreach (var letter in letters)
            {
                await CsvWriter.WriteRowAsync(
                    output,
                    [letter.Id.ToString(), letter.Purpose, letter.Recipient, letter.Address.Line1, letter.Address.Line2, letter.Address.PostalCode, letter.Address.City, letter.Address.Country, letter.Body],
                    ct);
                letter.Exported(now);
            }

            // The file is written before the letters are marked: a crash re-exports rather than loses.
            await output.FlushAsync(ct);
            var noticeRecords = letters.Where(l => l.Purpose == NoticePurposes.Notice).Select(l => l.RecordId).ToList();
            foreach (var record in await db.Records.Where(r => noticeRecords.Contains(r.Id)).ToListAsync(ct))
            {
                await holderMail.NoticeSentAsync(record, now, ct);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            exported += letters.Count;
        }

        return exported;
    }
}
