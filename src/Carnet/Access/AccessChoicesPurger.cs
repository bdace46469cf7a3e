using Carnet.Persistence;
using Carnet.Records;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Access;

/// <summary>A purged record forgets its access choices: declared roles, authorisations, blocks, settings, emergency accesses, secret connections.</summary>
public sealed class AccessChoicesPurger(CarnetDbContext db) : IRecordContentPurger
{
    public async Task PurgeAsync(Guid recordId, CancellationToken ct)
    {
        db.DeclaredRoles.RemoveRange(await db.DeclaredRoles.Where(r => r.RecordId == recordId).ToListAsync(ct));
        db.ProfessionalAuthorizations.RemoveRange(await db.ProfessionalAuthorizations.Where(a => a.RecordId == recordId).ToListAsync(ct));
        db.ProfessionalBlocks.RemoveRange(await db.ProfessionalBlocks.Where(b => b.RecordId == recordId).ToListAsync(ct));
        db.RecordAccessSettings.RemoveRange(await db.RecordAccessSettings.Where(s => s.RecordId == recordId).ToListAsync(ct));
        db.EmergencyAccesses.RemoveRange(await db.EmergencyAccesses.Where(e => e.RecordId == recordId).ToListAsync(ct));
        db.SecretConnections.RemoveRange(await db.SecretConnections.Where(c => c.RecordId == recordId).ToListAsync(ct));
    }
}
