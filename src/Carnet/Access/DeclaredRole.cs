namespace Carnet.Access;

/// <summary>
/// A professional the holder declared in a role (médecin traitant, administrator…): they see documents
/// hidden from professionals and may block others (DOMAIN.md §5). Ending a role keeps the row, for the history.
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

    public void End(DateTimeOffset at) => EndedAt ??= at;
}
