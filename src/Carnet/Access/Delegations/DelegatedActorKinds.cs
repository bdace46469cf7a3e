using Carnet.Audit;
using Carnet.Identifiers;
using Carnet.Persistence;
using Carnet.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Carnet.Access.Delegations;

/// <summary>
/// Names who really acted in traces (DOMAIN.md §6: the actor type): every holder-side use case writes
/// <c>Trace.Of(…, caller.Actor, …)</c>, whose kind is Holder and whose id is the signed-in person's own
/// record. When that record is not the traced one, the person acted as a representative or a caregiver:
/// this interceptor sets the kind in one place, in the same SaveChanges, instead of in every use case.
/// A person who is both (a parent invited as caregiver too) is named a representative.
/// </summary>
internal sealed class DelegatedActorKinds : SaveChangesInterceptor
{
    public static readonly DelegatedActorKinds Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is CarnetDbContext db)
        {
            foreach (var (trace, actor) in Delegated(db))
            {
                var nir = ActorNir(db, actor).FirstOrDefault();
                trace.ActedAs(Representations(db, trace.RecordId, nir).Any() || AddedRepresentation(db, trace.RecordId, nir) ? ActorKind.Representative
                    : CaregiverLinks(db, trace.RecordId, actor).Any() ? ActorKind.Caregiver : ActorKind.Holder);
            }
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CarnetDbContext db)
        {
            foreach (var (trace, actor) in Delegated(db))
            {
                var nir = await ActorNir(db, actor).FirstOrDefaultAsync(cancellationToken);
                trace.ActedAs(await Representations(db, trace.RecordId, nir).AnyAsync(cancellationToken) || AddedRepresentation(db, trace.RecordId, nir) ? ActorKind.Representative
                    : await CaregiverLinks(db, trace.RecordId, actor).AnyAsync(cancellationToken) ? ActorKind.Caregiver : ActorKind.Holder);
            }
        }

        return result;
    }

    private static List<(Trace Trace, Guid Actor)> Delegated(CarnetDbContext db) =>
        db.ChangeTracker.Entries<Trace>()
            .Where(e => e.State == EntityState.Added && e.Entity.ActorKind == ActorKind.Holder)
            .Select(e => (e.Entity, Actor: Guid.TryParse(e.Entity.ActorId, out var id) ? id : Guid.Empty))
            .Where(t => t.Actor != Guid.Empty && t.Actor != t.Entity.RecordId)
            .ToList();

    private static IQueryable<Nir> ActorNir(CarnetDbContext db, Guid actorRecordId) =>
        db.Records.AsNoTracking().Where(h => h.Id == actorRecordId).Select(h => h.Nir);

    /// <summary>
    /// Any representation or caregiver link, ended or not: a link revoked in this very SaveChanges (a
    /// caregiver withdrawing) still names who acted. Without any, the trace keeps Holder.
    /// </summary>
    private static IQueryable<Representation> Representations(CarnetDbContext db, Guid recordId, Nir? nir) =>
        db.Representations.AsNoTracking().Where(p => nir != null && p.RecordId == recordId && p.RepresentativeNir == nir);

    /// <summary>A representation created in this SaveChanges (a second representative accepting) is not in the database yet.</summary>
    private static bool AddedRepresentation(CarnetDbContext db, Guid recordId, Nir? nir) =>
        nir is not null && db.ChangeTracker.Entries<Representation>().Any(e => e.State == EntityState.Added && e.Entity.RecordId == recordId && e.Entity.RepresentativeNir.Equals(nir));

    private static IQueryable<CaregiverLink> CaregiverLinks(CarnetDbContext db, Guid recordId, Guid actorRecordId) =>
        db.Set<CaregiverLink>().AsNoTracking().Where(l => l.HolderRecordId == recordId && l.CaregiverRecordId == actorRecordId);
}
