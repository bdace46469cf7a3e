namespace Carnet.Audit;

/// <summary>Which actor kinds make up each <see cref="ActorGroup"/>.</summary>
public static class ActorGroups
{
    public static IReadOnlyList<ActorKind> KindsOf(ActorGroup group) => group switch
    {
        ActorGroup.Holder => [ActorKind.Holder, ActorKind.Representative, ActorKind.Caregiver],
        ActorGroup.Professionals => [ActorKind.Professional, ActorKind.Establishment],
        ActorGroup.Services => [ActorKind.Service],
        _ => [ActorKind.Operator, ActorKind.System],
    };

    public static ActorGroup Of(ActorKind kind) => kind switch
    {
        ActorKind.Holder or ActorKind.Representative or ActorKind.Caregiver => ActorGroup.Holder,
        ActorKind.Professional or ActorKind.Establishment => ActorGroup.Professionals,
        ActorKind.Service => ActorGroup.Services,
        _ => ActorGroup.Carnet,
    };
}
