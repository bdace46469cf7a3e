namespace Carnet.Access;

/// <summary>
/// A professional the holder declared in a role (médecin traitant…). The access policy built on it is
/// issue #5; the demo data already names a médecin traitant.
/// </summary>
public sealed class DeclaredRole
{
    private DeclaredRole()
    {
    }

    public Guid Id { get; private set; }

    public Guid RecordId { get; private set; }

    public Guid ProfessionalId { get; private set; }

    public CareRole Role { get; private set; }

    public DateTimeOffset DeclaredAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public static DeclaredRole Declare(Guid recordId, Guid professionalId, CareRole role, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        RecordId = recordId,
        ProfessionalId = professionalId,
        Role = role,
        DeclaredAt = at,
    };
}
