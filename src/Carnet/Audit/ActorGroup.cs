namespace Carnet.Audit;

/// <summary>The groups the holder filters their access history by (DOMAIN.md §6).</summary>
public enum ActorGroup
{
    /// <summary>The holder, their representatives and caregivers.</summary>
    Holder,

    /// <summary>Professionals and establishments' software.</summary>
    Professionals,

    /// <summary>Referenced services.</summary>
    Services,

    /// <summary>Carnet itself: the operator's staff and the system's jobs.</summary>
    Carnet,
}
