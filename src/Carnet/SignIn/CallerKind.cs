namespace Carnet.SignIn;

/// <summary>Who is at the door.</summary>
public enum CallerKind
{
    /// <summary>A person reading or managing their own record (and, through representations, others').</summary>
    Holder,

    /// <summary>A health professional signed in to the portal.</summary>
    Professional,

    /// <summary>Establishment software, acting for a named professional.</summary>
    Establishment,

    /// <summary>The operator's staff: administration and support, never health data.</summary>
    Operator,
}
