namespace Carnet.Portal.Tests.Testing;

/// <summary>The two widths the portal is checked at: a small phone (360 px) and a desktop screen.</summary>
public enum Device
{
    Phone,
    Desktop,
}
