using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Access;

/// <summary>The holder's side of access choices: the holder, or a legal representative, on a record they may open.</summary>
public static class HolderSide
{
    /// <summary>Refuses, as if absent, a caller who may not manage this record's access choices.</summary>
    public static async Task EnsureManagesAsync(AccessGate gate, Caller caller, Guid recordId, CancellationToken ct)
    {
        if (!await gate.ManageableRecords(caller).AnyAsync(r => r.Id == recordId && r.State != RecordState.Purged, ct))
        {
            throw new RecordNotFoundException(HealthDataRefusals.NotFound);
        }
    }

    /// <summary>The record's settings, tracked, created with the defaults when the holder never chose.</summary>
    public static async Task<RecordAccessSettings> SettingsAsync(CarnetDbContext db, Guid recordId, CancellationToken ct)
    {
        var settings = await db.RecordAccessSettings.FirstOrDefaultAsync(s => s.RecordId == recordId, ct);
        if (settings is null)
        {
            settings = RecordAccessSettings.Defaults(recordId);
            db.RecordAccessSettings.Add(settings);
        }

        return settings;
    }
}
