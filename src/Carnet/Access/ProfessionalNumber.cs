using Carnet.Identifiers;
using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Access;

/// <summary>A professional named by the holder: an 11-digit RPPS number (as printed on prescriptions) or an idNat_PS.</summary>
public static class ProfessionalNumber
{
    public sealed record Found(Guid Id, string IdNatPs, string DisplayName, string ProfessionCode);

    /// <summary>Finds the professional in the directory; refuses an invalid number or an unknown professional with what to do.</summary>
    public static async Task<Found> FindAsync(CarnetDbContext db, string? number, CancellationToken ct)
    {
        var compact = (number ?? "").Replace(" ", "", StringComparison.Ordinal);
        ProfessionalId? id = null;
        if (compact.Length == 11 && Rpps.TryParse(compact, "professional", out var rpps, out _))
        {
            id = ProfessionalId.FromRpps(rpps);
        }
        else if (ProfessionalId.TryParse(compact, "professional", out var parsed, out _))
        {
            id = parsed;
        }

        return id is null
            ? throw new AccessException(AccessException.InvalidRequest, "Give the professional's 11-digit RPPS number, as printed on their prescriptions or in the Annuaire santé (or their idNat_PS).")
            : await FindAsync(db, id, ct);
    }

    private static async Task<Found> FindAsync(CarnetDbContext db, ProfessionalId id, CancellationToken ct)
    {
        return await db.Professionals.AsNoTracking()
            .Where(p => p.IdNatPs == id)
            .Select(p => new Found(p.Id, p.IdNatPs.Value, p.GivenNames + " " + p.FamilyName, p.ProfessionCode))
            .FirstOrDefaultAsync(ct)
            ?? throw new AccessException(AccessException.UnknownProfessional, $"No professional with number {id.Value} is in the directory (RPPS): check the 11-digit RPPS number, printed on their prescriptions or in the Annuaire santé.");
    }
}
