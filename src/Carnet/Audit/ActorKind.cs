namespace Carnet.Audit;

/// <summary>Who touched a record (DOMAIN.md §6): the holder sees traces grouped by these.</summary>
public enum ActorKind
{
    Holder,
    Representative,
    Caregiver,
    Professional,
    Establishment,
    Service,
    Operator,
    System,
}
