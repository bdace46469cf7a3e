using Carnet.Identifiers;

namespace Carnet.Professionals;

/// <summary>A hospital, laboratory or other establishment, identified by FINESS, that deposits through its software.</summary>
public sealed class Establishment
{
    private Establishment()
    {
    }

    public Guid Id { get; private set; }

    public Finess Finess { get; private set; } = null!;

    public string Name { get; private set; } = "";

    public EstablishmentKind Kind { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public static Establishment Register(Finess finess, string name, EstablishmentKind kind, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        Finess = finess,
        Name = name,
        Kind = kind,
        RegisteredAt = at,
    };
}
