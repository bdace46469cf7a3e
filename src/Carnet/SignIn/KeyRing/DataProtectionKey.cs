namespace Carnet.SignIn.KeyRing;

/// <summary>One key of ASP.NET Core Data Protection's key ring, as XML encrypted under the master key.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    public string FriendlyName { get; set; } = "";

    public string Xml { get; set; } = "";
}
