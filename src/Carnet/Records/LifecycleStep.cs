namespace Carnet.Records;

/// <summary>The lifecycle steps a holder (with proof of identity) or the operator can ask for.</summary>
public enum LifecycleStep
{
    ObjectToCreation,
    Reopen,
    Close,
    CloseAndDelete,
    RequestDeletion,
    Suspend,
    ObjectToSuspension,
    LiftSuspension,
}
