using Carnet.Audit;
using Carnet.Persistence;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Access;

/// <summary>
/// What the holder decided about access to their record, as their portal shows it: emergency settings, hiding
/// of new documents, professionals authorised (and why), blocked, in a declared role, and recent emergency accesses.
/// </summary>
public sealed class ShowAccessChoices(CarnetDbContext db, AccessGate gate, TimeProvider clock)
{
    public sealed record Settings(bool Centre15Allowed, bool BreakTheGlassAllowed, bool HiddenDocumentsInEmergency, bool HideNewDocuments, DateTimeOffset? HideNewDocumentsSince);

    public sealed record Authorized(string IdNatPs, string Name, AuthorizationBasis Basis, DateTimeOffset Since);

    public sealed record Blocked(string IdNatPs, string Name, DateTimeOffset Since, ActorKind BlockedBy);

    public sealed record Role(CareRole Kind, string IdNatPs, string Name, DateTimeOffset Since);

    public sealed record Emergency(string IdNatPs, AccessMode Mode, DateTimeOffset OpenedAt, DateTimeOffset ExpiresAt);

    public sealed record Result(Settings Settings, IReadOnlyList<Authorized> Authorized, IReadOnlyList<Blocked> Blocked, IReadOnlyList<Role> Roles, IReadOnlyList<Emergency> EmergencyAccesses);

    public const int RecentEmergencyAccesses = 20;

    public async Task<Result> HandleAsync(Caller caller, Guid recordId, CancellationToken ct)
    {
        await HolderSide.EnsureManagesAsync(gate, caller, recordId, ct);
        var settings = await db.RecordAccessSettings.AsNoTracking().FirstOrDefaultAsync(s => s.RecordId == recordId, ct) ?? RecordAccessSettings.Defaults(recordId);
        var authorized = await db.ProfessionalAuthorizations.AsNoTracking()
            .Where(a => a.RecordId == recordId && a.EndedAt == null)
            .OrderBy(a => a.ProfessionalName)
            .Select(a => new Authorized(a.IdNatPs, a.ProfessionalName, a.Basis, a.GrantedAt))
            .ToListAsync(ct);
        var blocked = await db.ProfessionalBlocks.AsNoTracking()
            .Where(b => b.RecordId == recordId && b.LiftedAt == null)
            .OrderBy(b => b.ProfessionalName)
            .Select(b => new Blocked(b.IdNatPs, b.ProfessionalName, b.BlockedAt, b.BlockedByKind))
            .ToListAsync(ct);
        var roles = await db.DeclaredRoles.AsNoTracking()
            .Where(r => r.RecordId == recordId && r.EndedAt == null)
            .Join(db.Professionals, r => r.ProfessionalId, p => p.Id, (r, p) => new Role(r.Role, p.IdNatPs.Value, p.GivenNames + " " + p.FamilyName, r.DeclaredAt))
            .ToListAsync(ct);
        var emergencies = await db.EmergencyAccesses.AsNoTracking()
            .Where(e => e.RecordId == recordId)
            .OrderByDescending(e => e.OpenedAt)
            .Take(RecentEmergencyAccesses)
            .Select(e => new Emergency(e.IdNatPs, e.Mode, e.OpenedAt, e.ExpiresAt))
            .ToListAsync(ct);
        db.Traces.Add(Trace.Of(recordId, caller.Actor, TraceActions.AccessChoicesViewed, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return new Result(
            new Settings(settings.Centre15Allowed, settings.BreakTheGlassAllowed, settings.HiddenDocumentsInEmergency, settings.HideNewDocumentsSince is not null, settings.HideNewDocumentsSince),
            authorized,
            blocked,
            roles,
            emergencies);
    }
}
