using Carnet.Audit;
using Carnet.Persistence;
using Carnet.SignIn;

namespace Carnet.Access;

/// <summary>
/// The holder changes their emergency toggles (with the coupling rule: hidden documents in emergencies only
/// with one emergency mode on; turning both modes off turns it off) and "hide new documents from
/// professionals", which applies to documents added from now on. Unset fields stay as they are.
/// </summary>
public sealed class ChangeAccessSettings(CarnetDbContext db, AccessGate gate, TimeProvider clock)
{
    public sealed record Request(bool? Centre15Allowed = null, bool? BreakTheGlassAllowed = null, bool? HiddenDocumentsInEmergency = null, bool? HideNewDocuments = null);

    public async Task<RecordAccessSettings> HandleAsync(Caller caller, Guid recordId, Request request, CancellationToken ct)
    {
        await HolderSide.EnsureManagesAsync(gate, caller, recordId, ct);
        var now = clock.GetUtcNow();
        var settings = await HolderSide.SettingsAsync(db, recordId, ct);
        var centre15 = request.Centre15Allowed ?? settings.Centre15Allowed;
        var breakTheGlass = request.BreakTheGlassAllowed ?? settings.BreakTheGlassAllowed;
        var hidden = request.HiddenDocumentsInEmergency ?? settings.HiddenDocumentsInEmergency;
        if (!centre15 && !breakTheGlass && request.HiddenDocumentsInEmergency != true)
        {
            hidden = false;
        }

        settings.ChangeEmergency(centre15, breakTheGlass, hidden, now);
        if (request.HideNewDocuments is { } hide)
        {
            settings.HideNewDocuments(hide, now);
        }

        db.Traces.Add(Trace.Of(recordId, caller.Actor, TraceActions.AccessSettingsChanged, now));
        await db.SaveChangesAsync(ct);
        return settings;
    }
}
