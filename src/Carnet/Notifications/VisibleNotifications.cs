using Carnet.Access;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Notifications;

/// <summary>
/// The notifications of a record a caller may see: those of the records <see cref="AccessGate.ReadableRecords"/>
/// opens to them (the holder's own and those they represent), without a minor's secrets for representatives.
/// Any other record is "not found", exactly like an absent one.
/// </summary>
public sealed class VisibleNotifications(CarnetDbContext db, AccessGate gate)
{
    public async Task<IQueryable<Notification>> OfAsync(Caller caller, Guid recordId, CancellationToken ct)
    {
        if (caller.AccountId is null || !await gate.ReadableRecords(caller).AnyAsync(r => r.Id == recordId, ct))
        {
            throw new RecordNotFoundException(HealthDataRefusals.NotFound);
        }

        var own = caller.HolderRecordId == recordId;
        return db.Set<Notification>().Where(n => n.RecordId == recordId && (own || !n.HiddenFromLegalRepresentatives));
    }
}
