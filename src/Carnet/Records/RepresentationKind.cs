namespace Carnet.Records;

/// <summary>Why someone acts on another person's record.</summary>
public enum RepresentationKind
{
    ParentOfMinor,
    Guardian,
}
