namespace Carnet.Audit;

/// <summary>The one who acts: kind, a stable id (account, idNat_PS, client id, job name) and a display name.</summary>
public sealed record Actor(ActorKind Kind, string Id, string DisplayName)
{
    public static Actor SystemJob(string jobName) => new(ActorKind.System, jobName, "Carnet");

    public static Actor Operator(string operatorId) => new(ActorKind.Operator, operatorId, "Opérateur Carnet");
}
