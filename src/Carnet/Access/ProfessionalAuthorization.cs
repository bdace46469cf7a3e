namespace Carnet.Access;

/// <summary>
/// A professional authorised to consult a record in normal mode (DOMAIN.md §5): a member of the care
/// team (deemed authorised because they treat the holder, unless the holder objected), or someone whose
/// consent was recorded with the holder during a consultation, or someone the holder added. Ending one
/// keeps the row: an authorisation the holder withdrew is an objection, and a later deposit by the same
/// professional does not bring it back; only a new consent does.
/// </summary>
public sealed class ProfessionalAuthorization
{
    private ProfessionalAuthorization()
    {
    }

    public Guid Id { get; private set; }

    public Guid RecordId { get; private set; }

    /// <summary>The professional's idNat_PS (8 + RPPS, or 0 + ADELI).</summary>
    public string IdNatPs { get; private set; } = "";

    public string ProfessionalName { get; private set; } = "";

    public AuthorizationBasis Basis { get; private set; }

    public DateTimeOffset GrantedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public AuthorizationEnd? EndReason { get; private set; }

    public bool IsActive => EndedAt is null;

    public static ProfessionalAuthorization Grant(Guid recordId, string idNatPs, string name, AuthorizationBasis basis, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        RecordId = recordId,
        IdNatPs = idNatPs,
        ProfessionalName = name,
        Basis = basis,
        GrantedAt = at,
    };

    public void End(AuthorizationEnd reason, DateTimeOffset at)
    {
        if (EndedAt is null)
        {
            EndedAt = at;
            EndReason = reason;
        }
    }
}
