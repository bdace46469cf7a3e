using Carnet.Persistence;
using Carnet.Records;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Access;

/// <summary>A purged record forgets the professionals its holder had declared (médecin traitant…).</summary>
public sealed class DeclaredRolesPurger(CarnetDbContext db) : IRecordContentPurger
{
    public async Task PurgeAsync(Guid recordId, CancellationToken ct) =>
        db.DeclaredRoles.RemoveRange(await db.DeclaredRoles.Where(r => r.RecordId == recordId).ToListAsync(ct));
}
