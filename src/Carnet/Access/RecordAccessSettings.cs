namespace Carnet.Access;

/// <summary>
/// The holder's access choices on their record (DOMAIN.md §4–§5): the three emergency toggles and "hide
/// new documents from professionals". A record without a row has the defaults: emergency access on unless
/// the holder expressly objected; hidden documents stay hidden in emergencies until the holder allows them.
/// </summary>
public sealed class RecordAccessSettings
{
    private RecordAccessSettings()
    {
    }

    public Guid RecordId { get; private set; }

    /// <summary>The SAMU / centre 15 may consult the record (mode centre_15).</summary>
    public bool Centre15Allowed { get; private set; } = true;

    /// <summary>Other professionals may consult it by break-the-glass (mode bris_de_glace).</summary>
    public bool BreakTheGlassAllowed { get; private set; } = true;

    /// <summary>Documents hidden from professionals are shown in an emergency too.</summary>
    public bool HiddenDocumentsInEmergency { get; private set; }

    /// <summary>When "hide new documents from professionals" was turned on (null: off); it applies to documents added after.</summary>
    public DateTimeOffset? HideNewDocumentsSince { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static RecordAccessSettings Defaults(Guid recordId) => new() { RecordId = recordId };

    /// <summary>
    /// Sets the emergency toggles with their coupling rule: hidden documents in emergencies can be on only if
    /// one of the two emergency modes is; turning both off turns it off (DOMAIN.md §5).
    /// </summary>
    public void ChangeEmergency(bool centre15, bool breakTheGlass, bool hiddenDocuments, DateTimeOffset at)
    {
        if (hiddenDocuments && !centre15 && !breakTheGlass)
        {
            throw new AccessException(AccessException.EmergencyCoupling, "Hidden documents can be shown in emergencies only if the SAMU (centre 15) or break-the-glass access is allowed: turn one of them on first, or leave hidden documents off.");
        }

        Centre15Allowed = centre15;
        BreakTheGlassAllowed = breakTheGlass;
        HiddenDocumentsInEmergency = hiddenDocuments && (centre15 || breakTheGlass);
        UpdatedAt = at;
    }

    public void HideNewDocuments(bool hide, DateTimeOffset at)
    {
        HideNewDocumentsSince = hide ? HideNewDocumentsSince ?? at : null;
        UpdatedAt = at;
    }

    public bool Allows(Audit.AccessMode mode) => mode switch
    {
        Audit.AccessMode.Centre15 => Centre15Allowed,
        Audit.AccessMode.BreakTheGlass => BreakTheGlassAllowed,
        _ => true,
    };
}
