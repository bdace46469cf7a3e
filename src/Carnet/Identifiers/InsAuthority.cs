namespace Carnet.Identifiers;

/// <summary>The assigning authority of an INS, by OID (DOMAIN.md §2).</summary>
public enum InsAuthority
{
    /// <summary>INS-NIR, 1.2.250.1.213.1.4.8: the production identity.</summary>
    InsNir = 8,

    /// <summary>INS-NIA, 1.2.250.1.213.1.4.9: a temporary number.</summary>
    InsNia = 9,

    /// <summary>Test NIR, 1.2.250.1.213.1.4.10: refused outside development and test.</summary>
    TestNir = 10,

    /// <summary>Demo NIR, 1.2.250.1.213.1.4.11: refused outside development and test.</summary>
    DemoNir = 11,
}
