namespace Carnet.Professionals;

/// <summary>
/// A piece of establishment software allowed to call the API system to system. Its keys and token
/// exchange come with sign-in (issue #3); registration and enabling live here.
/// </summary>
public sealed class EstablishmentClient
{
    private EstablishmentClient()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The OAuth2 client id the software presents.</summary>
    public string ClientId { get; private set; } = "";

    public Guid EstablishmentId { get; private set; }

    public string Name { get; private set; } = "";

    public bool Enabled { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public static EstablishmentClient Register(Establishment establishment, string name, DateTimeOffset at)
    {
        var id = Guid.CreateVersion7(at);
        return new EstablishmentClient
        {
            Id = id,
            ClientId = $"es-{establishment.Finess.Value}-{id.ToString("N")[^8..]}",
            EstablishmentId = establishment.Id,
            Name = name,
            Enabled = true,
            RegisteredAt = at,
        };
    }

    public void Disable() => Enabled = false;

    public void Enable() => Enabled = true;
}
