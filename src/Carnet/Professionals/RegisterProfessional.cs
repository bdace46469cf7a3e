using Carnet.Identifiers;
using Carnet.Persistence;
using Carnet.Terminology;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Professionals;

/// <summary>
/// The operator registers a professional: RPPS (or ADELI), names, profession (TRE_G15) and specialty
/// (TRE_R38). Sign-in for professionals comes with their identity provider (issue #3).
/// </summary>
public sealed class RegisterProfessional(CarnetDbContext db, TimeProvider clock)
{
    public sealed record Request(string? Rpps, string? Adeli, string? FamilyName, string? GivenNames, string? ProfessionCode, string? SpecialtyCode, string? Email);

    public sealed record Result(Guid Id, string IdNatPs, bool RppsPassesLuhn);

    public async Task<Result> HandleAsync(Request request, CancellationToken ct)
    {
        ProfessionalId id;
        var luhn = true;
        if (request.Rpps is not null)
        {
            var rpps = Rpps.Parse(request.Rpps);
            luhn = rpps.PassesLuhn;
            id = ProfessionalId.FromRpps(rpps);
        }
        else
        {
            id = ProfessionalId.FromAdeli(Adeli.Parse(request.Adeli, "rpps or adeli"));
        }

        if (string.IsNullOrWhiteSpace(request.FamilyName) || string.IsNullOrWhiteSpace(request.GivenNames))
        {
            throw new RegistrationException("name_required", "The family name and given names are required.");
        }

        if (!CodeSets.Professions.TryGet(request.ProfessionCode, out var profession) || !profession.Active)
        {
            throw new RegistrationException("unknown_profession", $"profession: give an active TRE_G15 code, for example 10 (Médecin), 21 (Pharmacien), 60 (Infirmier), 50 (Sage-Femme).");
        }

        if (request.SpecialtyCode is not null && (!CodeSets.Specialties.TryGet(request.SpecialtyCode, out var specialty) || !specialty.Active))
        {
            throw new RegistrationException("unknown_specialty", "specialty: give an active TRE_R38 code, for example SM54 (Médecine générale), or leave it out.");
        }

        string? email = null;
        if (request.Email is not null && !Records.ContactDetails.TryNormaliseEmail(request.Email, out email))
        {
            throw new IdentifierException("email", "is not a valid e-mail address (expected name@domain.tld).");
        }

        if (await db.Professionals.AnyAsync(p => p.IdNatPs == id, ct))
        {
            throw new RegistrationException("already_registered", $"A professional with idNat_PS {id.Value} is already registered.");
        }

        var professional = Professional.Register(id, request.FamilyName.Trim(), request.GivenNames.Trim(), profession.Value, request.SpecialtyCode, email, clock.GetUtcNow());
        db.Professionals.Add(professional);
        await db.SaveChangesAsync(ct);
        return new Result(professional.Id, id.Value, luhn);
    }
}
