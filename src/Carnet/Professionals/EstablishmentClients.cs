using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Professionals;

/// <summary>Finds the client an operator command names, or says how to find the right client id.</summary>
internal static class EstablishmentClients
{
    public static async Task<EstablishmentClient> FindAsync(CarnetDbContext db, string? clientId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(clientId))
        {
            throw new RegistrationException("client_id_required", "Give the client id (es-<FINESS>-…), as printed by `carnet clients register`.");
        }

        var id = clientId.Trim();
        return await db.EstablishmentClients.SingleOrDefaultAsync(c => c.ClientId == id, ct)
            ?? throw new RegistrationException("unknown_client", $"No establishment client has the id {id}: check it (it was printed by `carnet clients register`), or register the software first.");
    }
}
