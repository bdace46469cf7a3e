using Carnet.Audit;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Notifications;

/// <summary>
/// Deletes a notification for every account with access to the record (the holder and their
/// representatives alike), with the read marks. Traced: it changes what the others see of the record,
/// so the holder can tell who removed it; the traces it came from stay.
/// </summary>
public sealed class DeleteNotification(CarnetDbContext db, VisibleNotifications visible, Access.AccessGate gate, TimeProvider clock)
{
    public const string Action = "notification.deleted";

    public async Task HandleAsync(Caller caller, Guid recordId, Guid notificationId, CancellationToken ct)
    {
        // Deleting removes it for everyone with access: the holder and representatives may, a caregiver may not.
        var notification = await gate.ManageableRecords(caller).AnyAsync(r => r.Id == recordId, ct)
            ? await (await visible.OfAsync(caller, recordId, ct)).SingleOrDefaultAsync(n => n.Id == notificationId, ct)
            : null;
        if (notification is null)
        {
            throw new RecordNotFoundException(HealthDataRefusals.NotFound);
        }
        db.Remove(notification);
        db.Traces.Add(Trace.Of(recordId, caller.Actor, Action, clock.GetUtcNow(), notification.Id.ToString(), caller.Mode));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            // Someone with access to the record deleted it at the same moment: it is gone, as asked.
            throw new RecordNotFoundException(HealthDataRefusals.NotFound, e);
        }
    }
}
