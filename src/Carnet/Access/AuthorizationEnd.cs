namespace Carnet.Access;

/// <summary>Why an authorisation ended.</summary>
public enum AuthorizationEnd
{
    /// <summary>The holder withdrew it: an objection, which only a new consent overrides.</summary>
    HolderObjected,

    /// <summary>The professional was blocked; unblocking does not restore it.</summary>
    Blocked,
}
