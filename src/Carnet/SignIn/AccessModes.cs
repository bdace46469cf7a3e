using Carnet.Audit;

namespace Carnet.SignIn;

/// <summary>The access modes' wire names (TRE_R248 labels as the DMP uses them): normal, bris_de_glace, centre_15.</summary>
public static class AccessModes
{
    public const string Normal = "normal";
    public const string BreakTheGlass = "bris_de_glace";
    public const string Centre15 = "centre_15";

    public static string Name(AccessMode mode) => mode switch
    {
        AccessMode.BreakTheGlass => BreakTheGlass,
        AccessMode.Centre15 => Centre15,
        _ => Normal,
    };

    /// <summary>The mode of a wire name; null when the name is unknown.</summary>
    public static AccessMode? Parse(string? name) => name switch
    {
        null or Normal => AccessMode.Normal,
        BreakTheGlass => AccessMode.BreakTheGlass,
        Centre15 => AccessMode.Centre15,
        _ => null,
    };
}
