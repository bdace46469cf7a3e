using Carnet.Identifiers;
using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Professionals;

/// <summary>The operator registers an establishment by its FINESS number.</summary>
public sealed class RegisterEstablishment(CarnetDbContext db, TimeProvider clock)
{
    public sealed record Request(string? Finess, string? Name, EstablishmentKind Kind);

    public async Task<Guid> HandleAsync(Request request, CancellationToken ct)
    {
        var finess = Finess.Parse(request.Finess);
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            throw new RegistrationException("name_required", "The establishment's name is required.");
        }

        if (await db.Establishments.AnyAsync(e => e.Finess == finess, ct))
        {
            throw new RegistrationException("already_registered", $"An establishment with FINESS {finess.Value} is already registered.");
        }

        var establishment = Establishment.Register(finess, request.Name.Trim(), request.Kind, clock.GetUtcNow());
        db.Establishments.Add(establishment);
        await db.SaveChangesAsync(ct);
        return establishment.Id;
    }
}
