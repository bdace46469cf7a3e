using Carnet.Identifiers;

namespace Carnet.Records;

/// <summary>
/// A legal representative (parent of a minor, guardian of a protected adult) attached to a record at
/// its creation. A minor's representation ends at 18 (DOMAIN.md §3.4).
/// </summary>
public sealed class Representation
{
    private Representation()
    {
    }

    public Guid Id { get; private set; }

    public Guid RecordId { get; private set; }

    public Nir RepresentativeNir { get; private set; } = null!;

    public RepresentationKind Kind { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>The day the represented person comes of age, for parents of minors.</summary>
    public DateOnly? EndsOn { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public string? EndReason { get; private set; }

    /// <summary>Optimistic concurrency: the majority job may run on two nodes at once.</summary>
    public int Version { get; private set; }

    public bool IsActive => EndedAt is null;

    public static Representation Start(HealthRecord record, Nir representative, DateOnly today, DateTimeOffset at)
    {
        var minor = record.IsMinorOn(today);
        return new Representation
        {
            Id = Guid.CreateVersion7(at),
            RecordId = record.Id,
            RepresentativeNir = representative,
            Kind = minor ? RepresentationKind.ParentOfMinor : RepresentationKind.Guardian,
            StartedAt = at,
            EndsOn = minor ? record.MajorityOn : null,
        };
    }

    /// <summary>Ends it before its term: a co-representative removed or withdrawing, a guardianship ended by the operator.</summary>
    public void End(string reason, DateTimeOffset at)
    {
        EndedAt = at;
        EndReason = reason;
        Version++;
    }

    public void EndAtMajority(DateTimeOffset at)
    {
        EndedAt = at;
        EndReason = "majority";
        Version++;
    }
}
