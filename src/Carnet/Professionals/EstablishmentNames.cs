using Carnet.Documents;
using Carnet.Identifiers;
using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Professionals;

/// <summary>
/// The establishment behind each document, so that a holder reads who deposited it and for which laboratory or
/// hospital — a professional's name alone often says little. Found from the depositing software, else from the
/// author's FINESS. Directory data, not health data: it is read outside the access gate, about documents the
/// caller has already been allowed to see.
/// </summary>
public sealed class EstablishmentNames(CarnetDbContext db)
{
    /// <summary>Each document's establishment name, when known (two small queries for a page of documents).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> OfAsync(IEnumerable<HealthDocument> documents, CancellationToken ct)
    {
        var list = documents.ToList();
        var names = new Dictionary<Guid, string>();
        var clientIds = list.Select(d => d.DepositorClientId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var bySoftware = clientIds.Count == 0
            ? []
            : await (
                    from client in db.EstablishmentClients.AsNoTracking()
                    join establishment in db.Establishments.AsNoTracking() on client.EstablishmentId equals establishment.Id
                    where clientIds.Contains(client.ClientId)
                    select new { client.ClientId, establishment.Name })
                .ToDictionaryAsync(x => x.ClientId, x => x.Name, StringComparer.Ordinal, ct);

        var finess = list
            .Where(d => d.DepositorClientId is null || !bySoftware.ContainsKey(d.DepositorClientId))
            .Select(d => Finess.TryParse(d.AuthorFiness, "finess", out var parsed, out _) ? parsed : null)
            .OfType<Finess>()
            .Distinct()
            .ToList();
        var byFiness = finess.Count == 0
            ? []
            : await db.Establishments.AsNoTracking().Where(e => finess.Contains(e.Finess)).ToDictionaryAsync(e => e.Finess.Value, e => e.Name, StringComparer.Ordinal, ct);

        foreach (var document in list)
        {
            if (document.DepositorClientId is { } client && bySoftware.TryGetValue(client, out var name))
            {
                names[document.Id] = name;
            }
            else if (document.AuthorFiness is { } author && byFiness.TryGetValue(author, out name))
            {
                names[document.Id] = name;
            }
        }

        return names;
    }
}
