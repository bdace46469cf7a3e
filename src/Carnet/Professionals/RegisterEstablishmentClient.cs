using Carnet.Identifiers;
using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Professionals;

/// <summary>The operator registers a piece of software of an establishment; returns its client id.</summary>
public sealed class RegisterEstablishmentClient(CarnetDbContext db, TimeProvider clock)
{
    public sealed record Request(string? Finess, string? Name);

    public async Task<string> HandleAsync(Request request, CancellationToken ct)
    {
        var finess = Finess.Parse(request.Finess);
        var establishment = await db.Establishments.SingleOrDefaultAsync(e => e.Finess == finess, ct)
            ?? throw new RegistrationException("unknown_establishment", $"No establishment with FINESS {finess.Value} is registered: register it first.");
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            throw new RegistrationException("name_required", "Name the software (for example \"LIS production\").");
        }

        var client = EstablishmentClient.Register(establishment, request.Name.Trim(), clock.GetUtcNow());
        db.EstablishmentClients.Add(client);
        await db.SaveChangesAsync(ct);
        return client.ClientId;
    }
}
