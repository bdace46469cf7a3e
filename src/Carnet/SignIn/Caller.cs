using System.Security.Claims;
using Carnet.Audit;

namespace Carnet.SignIn;

/// <summary>
/// The authenticated caller as the use cases see it, read from the claims the sign-in schemes set.
/// Traces and the access policy name the <see cref="Professional"/> when there is one (an establishment's
/// software acts for a professional), never just the software.
/// </summary>
public sealed record Caller(
    CallerKind Kind,
    string DisplayName,
    Guid? AccountId = null,
    Guid? SessionId = null,
    Guid? HolderRecordId = null,
    ActingProfessional? Professional = null,
    string? ClientId = null,
    string? Finess = null,
    AccessMode Mode = AccessMode.Normal,
    string? Purpose = null)
{
    /// <summary>The caller of an authenticated principal; null when the principal is anonymous or not Carnet's.</summary>
    public static Caller? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true || !Enum.TryParse<CallerKind>(user.FindFirstValue(CarnetClaims.Kind), out var kind))
        {
            return null;
        }

        var idNatPs = user.FindFirstValue(CarnetClaims.IdNatPs);
        var name = user.FindFirstValue(CarnetClaims.Name) ?? "";
        var professional = idNatPs is null
            ? null
            : new ActingProfessional(idNatPs, name, user.FindFirstValue(CarnetClaims.Profession) ?? "", user.FindFirstValue(CarnetClaims.Specialty));
        return new Caller(
            kind,
            name,
            GuidOf(user, CarnetClaims.Account),
            GuidOf(user, CarnetClaims.Session),
            GuidOf(user, CarnetClaims.HolderRecord),
            professional,
            user.FindFirstValue(CarnetClaims.ClientId),
            user.FindFirstValue(CarnetClaims.Finess),
            AccessModes.Parse(user.FindFirstValue(CarnetClaims.AccessMode)) ?? AccessMode.Normal,
            user.FindFirstValue(CarnetClaims.PurposeOfUse));
    }

    /// <summary>Who the traces name: the professional when one acts (through software or not), else the person or the software.</summary>
    public Actor Actor => Kind switch
    {
        CallerKind.Holder => new Actor(ActorKind.Holder, HolderRecordId?.ToString() ?? AccountId?.ToString() ?? "", DisplayName),
        CallerKind.Professional or CallerKind.Establishment when Professional is not null => new Actor(ActorKind.Professional, Professional.IdNatPs, Professional.DisplayName),
        CallerKind.Establishment => new Actor(ActorKind.Establishment, ClientId ?? "", DisplayName),
        _ => Actor.Operator(AccountId?.ToString() ?? ""),
    };

    private static Guid? GuidOf(ClaimsPrincipal user, string type) =>
        Guid.TryParse(user.FindFirstValue(type), out var id) ? id : null;
}
