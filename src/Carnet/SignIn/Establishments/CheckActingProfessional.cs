using Carnet.Audit;
using Carnet.Identifiers;
using Carnet.Persistence;
using Carnet.Terminology;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carnet.SignIn.Establishments;

/// <summary>
/// Every call with an access token names the professional who acts, in the <see cref="Header"/> header: a
/// JWT signed with a key of the same client (like the DMP's VIHF professional assertion). Carnet checks
/// it, then finds the professional in its directory (which stands for RPPS): traces and the access
/// policy name that professional, with the stated access mode, not just the software.
/// </summary>
public sealed class CheckActingProfessional(CarnetDbContext db, ClientJwtVerifier verifier, IOptions<EstablishmentSignInOptions> options)
{
    public const string Header = "Carnet-Acting-Professional";

    /// <summary>Why an emergency access (bris_de_glace, centre_15) was needed: free text, kept with the caller.</summary>
    public const string ReasonClaim = "access_reason";

    public const int MaxReasonLength = 500;

    private const string Guide = "See docs/api/authentication.md, \"The acting professional\".";

    /// <summary>Compiled: it runs on every call of every establishment (docs/performance.md).</summary>
    private static readonly CompiledQuery<Func<CarnetDbContext, ProfessionalId, CancellationToken, Task<DirectoryEntry?>>> FindProfessional = new(() =>
        EF.CompileAsyncQuery((CarnetDbContext db, ProfessionalId id, CancellationToken ct) => db.Professionals.AsNoTracking()
            .Where(p => p.IdNatPs == id)
            .Select(p => new DirectoryEntry(p.GivenNames, p.FamilyName, p.ProfessionCode, p.SpecialtyCode))
            .SingleOrDefault()));

    public sealed record Request(string ClientId, string? Assertion);

    public sealed record Result(ClientJwtVerifier.Client Client, ActingProfessional Professional, AccessMode Mode, string? Reason, string? Purpose = null);

    public async Task<Result> HandleAsync(Request request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Assertion))
        {
            // A disabled client hears that first: a missing header is not its problem any more.
            await Guarded(async () =>
            {
                await verifier.EnsureEnabledAsync(request.ClientId, ct);
                return true;
            });
            throw Refused("acting_professional_missing", $"Send the {Header} header with every call: a JWT signed with your client key that names the professional acting (sub = idNat_PS, profession, access_mode). {Guide}");
        }

        var settings = options.Value;
        var verified = await Guarded(() => verifier.VerifyAsync(
            request.Assertion,
            new ClientJwtVerifier.Rules($"The {Header} assertion", settings.ApiAudience, settings.MaxActingAssertionLifetime, "make a new one; an assertion may be reused for several calls only within its lifetime.", request.ClientId),
            ct));
        var token = verified.Token;

        if (!ProfessionalId.TryParse(token.Subject, "sub", out var id, out _))
        {
            throw Refused("acting_professional_invalid_sub", $"The {Header} assertion's sub must be the professional's idNat_PS: \"8\" followed by the 11-digit RPPS number, or \"0\" followed by the 9-character ADELI number.");
        }

        var professional = await FindProfessional.For(db)(db, id, ct)
            ?? throw Refused("unknown_professional", $"No professional with idNat_PS {id.Value} is in Carnet's directory, which follows the RPPS directory: check the number in sub; a professional new to RPPS appears after the next directory update.");

        var profession = Claim(token, CarnetClaims.Profession);
        if (string.IsNullOrEmpty(profession))
        {
            throw Refused("acting_professional_missing_profession", $"The {Header} assertion has no profession: give the professional's TRE_G15 code, as in the RPPS directory (10 médecin, 21 pharmacien, 60 infirmier…).");
        }

        if (profession != professional.ProfessionCode)
        {
            var label = CodeSets.Professions.TryGet(professional.ProfessionCode, out var known) ? $" ({known.Display})" : string.Empty;
            throw Refused("profession_mismatch", $"The {Header} assertion says profession {Shown(profession)}, but the directory has {professional.ProfessionCode}{label} for {id.Value}: send the profession of the RPPS directory.");
        }

        var modeName = Claim(token, CarnetClaims.AccessMode);
        var mode = AccessModes.Parse(modeName)
            ?? throw Refused("unknown_access_mode", $"access_mode \"{Shown(modeName)}\" is unknown: use {AccessModes.Normal}, {AccessModes.BreakTheGlass} (emergency, break-the-glass) or {AccessModes.Centre15} (SAMU regulation); leaving it out means {AccessModes.Normal}.");

        if (mode == AccessMode.Centre15 && !await db.EstablishmentClients
                .Where(c => c.ClientId == verified.Client.ClientId)
                .AnyAsync(c => db.Establishments.Any(e => e.Id == c.EstablishmentId && e.Kind == Professionals.EstablishmentKind.RegulationCentre), ct))
        {
            throw Refused("centre_15_not_allowed", $"access_mode {AccessModes.Centre15} is for the software of a SAMU regulation centre (centre 15) only, and this client's establishment is not one: use {AccessModes.BreakTheGlass} for another emergency, or ask the operator to register the establishment as a RegulationCentre.");
        }

        var reason = Claim(token, ReasonClaim)?.Trim();
        if (reason?.Length > MaxReasonLength)
        {
            throw Refused("acting_professional_reason_too_long", $"{ReasonClaim} is longer than {MaxReasonLength} characters: say briefly why the emergency access is needed.");
        }

        var purpose = Claim(token, Access.PurposeOfUse.Claim)?.Trim();
        if (!string.IsNullOrEmpty(purpose) && !Access.PurposeOfUse.IsKnown(purpose))
        {
            throw Refused("acting_professional_unknown_purpose", $"{Access.PurposeOfUse.Claim} \"{Shown(purpose)}\" is not a purpose Carnet knows: give TREAT (care), ETREAT or BTG (emergency care), or leave it out for care.");
        }

        // The directory, not the assertion, supplies the name and specialty: the access policy trusts RPPS data.
        var acting = new ActingProfessional(id.Value, $"{professional.GivenNames} {professional.FamilyName}", professional.ProfessionCode, professional.SpecialtyCode);
        return new Result(verified.Client, acting, mode, string.IsNullOrEmpty(reason) ? null : reason, string.IsNullOrEmpty(purpose) ? null : purpose);
    }

    private sealed record DirectoryEntry(string GivenNames, string FamilyName, string ProfessionCode, string? SpecialtyCode);

    private static async Task<T> Guarded<T>(Func<Task<T>> verify)
    {
        try
        {
            return await verify();
        }
        catch (ClientJwtRefusedException e)
        {
            throw Translated(e);
        }
    }

    private static EstablishmentCallRefusedException Translated(ClientJwtRefusedException e) => e.Reason == "client_disabled"
        ? new EstablishmentCallRefusedException("client_disabled", e.Message, EstablishmentCallRefusedException.InvalidToken)
        : new EstablishmentCallRefusedException("acting_professional_" + e.Reason, e.Message);

    /// <summary>A claim's value as text, whether the software sent a JSON string or a number (profession 10).</summary>
    private static string? Claim(Microsoft.IdentityModel.JsonWebTokens.JsonWebToken token, string name) =>
        token.TryGetClaim(name, out var claim) ? claim.Value : null;

    private static string Shown(string? value) => value is null ? "" : value.Length > 40 ? value[..40] + "…" : value;

    private static EstablishmentCallRefusedException Refused(string code, string message) => new(code, message);
}
