namespace Carnet.Audit;

/// <summary>The access mode of TRE_R248 (normal, bris_de_glace, centre_15).</summary>
public enum AccessMode
{
    Normal,
    BreakTheGlass,
    Centre15,
}
