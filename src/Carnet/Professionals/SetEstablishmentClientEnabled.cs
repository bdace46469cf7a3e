using Carnet.Persistence;

namespace Carnet.Professionals;

/// <summary>
/// The operator disables establishment software (compromised, contract ended) or enables it again. A
/// disabled client gets no token, and the tokens it already holds are refused at their next call.
/// </summary>
public sealed class SetEstablishmentClientEnabled(CarnetDbContext db)
{
    public sealed record Request(string? ClientId, bool Enabled);

    /// <summary>Returns false when the client was already in the state asked for.</summary>
    public async Task<bool> HandleAsync(Request request, CancellationToken ct)
    {
        var client = await EstablishmentClients.FindAsync(db, request.ClientId, ct);
        if (client.Enabled == request.Enabled)
        {
            return false;
        }

        if (request.Enabled)
        {
            client.Enable();
        }
        else
        {
            client.Disable();
        }

        await db.SaveChangesAsync(ct);
        return true;
    }
}
