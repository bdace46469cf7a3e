namespace Carnet.Identifiers;

/// <summary>Configuration section <c>Carnet:Ins</c>.</summary>
public sealed class InsOptions
{
    /// <summary>Accept the test (.10) and demo (.11) INS authorities: development and test modes only.</summary>
    public bool AllowTestAuthorities { get; set; }
}
