namespace Carnet.Documents;

/// <summary>A folder the holder made in their library (DOMAIN.md §4); documents point to at most one.</summary>
public sealed class DocumentFolder
{
    private DocumentFolder()
    {
    }

    public Guid Id { get; private set; }

    public Guid RecordId { get; private set; }

    public string Name { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    internal static DocumentFolder Create(Guid recordId, string name, DateTimeOffset at) =>
        new() { Id = Guid.CreateVersion7(at), RecordId = recordId, Name = name, CreatedAt = at };

    internal void Rename(string name) => Name = name;
}
