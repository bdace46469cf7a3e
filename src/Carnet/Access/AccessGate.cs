using Carnet.Access.Delegations;
using Carnet.Audit;
using Carnet.Documents;
using Carnet.Identifiers;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.SignIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carnet.Access;

/// <summary>
/// The one gate every read of health data goes through (STYLE.md rule 4; DOMAIN.md §5): it gives the records
/// and documents a caller may open as queries, so that a refused item and an absent one are the same empty
/// result, and it says where a caller may deposit and what a deposit must carry.
/// <list type="bullet">
/// <item>The holder sees their record, and representatives the records of those they represent, except what is
/// invisible to them (INVISIBLE_PATIENT for a month, INVISIBLE_REPRESENTANTS_LEGAUX for representatives).</item>
/// <item>A professional (signed in, or through software acting for them) consults an open record only if not
/// blocked there, and in normal mode only when authorised (care team, consent, a declared role); in an
/// emergency mode only while an emergency access is open and the holder allows that mode. They see the
/// document types the matrix grants their profession, never documents hidden from professionals unless they
/// hold a declared role or the holder allowed hidden documents in emergencies; always what they deposited.</item>
/// <item>Forbidden purposes (insurance, employment, health assessment) see nothing, consent or not.</item>
/// <item>The operator's staff never see health data.</item>
/// </list>
/// </summary>
public sealed class AccessGate(CarnetDbContext db, TimeProvider clock, AccessMatrix matrix, IOptions<AccessOptions> options)
{
    /// <summary>A document invisible to the holder becomes visible one month after deposit (DOMAIN.md §4, law).</summary>
    public static readonly TimeSpan InvisibleToHolderAtMost = TimeSpan.FromDays(30);

    /// <summary>The records the holder side may open: one's own, and those of the people one represents.</summary>
    public IQueryable<HealthRecord> ReadableRecords(Caller caller)
    {
        if (caller.Kind != CallerKind.Holder || caller.HolderRecordId is not { } own)
        {
            return db.Records.Where(_ => false);
        }

        // Holder side: their own record and those they represent or help (Access/Delegations).
        var actedFor = DelegatedRecords.RecordsActedForBy(db, own);
        return db.Records.Where(r => r.State != RecordState.Purged && (r.Id == own || actedFor.Contains(r.Id)));
    }

    /// <summary>
    /// The records whose access choices (professionals, emergency settings, roles) a caller may manage: the
    /// holder's own and, for legal representatives, the represented person's; never a caregiver's helped ones.
    /// </summary>
    public IQueryable<HealthRecord> ManageableRecords(Caller caller) => DelegatedRecords.ManageableRecords(db, caller);

    /// <summary>The open records a professional may consult now, in the caller's access mode.</summary>
    public IQueryable<HealthRecord> ConsultableRecords(Caller caller)
    {
        if (ProfessionalOf(caller) is not { } professional)
        {
            return db.Records.Where(_ => false);
        }

        var records = NotBlocked(professional);
        var now = clock.GetUtcNow();
        return caller.Mode switch
        {
            AccessMode.Normal => records.Where(r => db.ProfessionalAuthorizations.Any(a => a.RecordId == r.Id && a.IdNatPs == professional && a.EndedAt == null)
                || DeclaredRoles(professional).Any(d => d.RecordId == r.Id)),
            AccessMode.Centre15 => records.Where(r => db.EmergencyAccesses.Any(e => e.RecordId == r.Id && e.IdNatPs == professional && e.Mode == AccessMode.Centre15 && e.ExpiresAt > now)
                && !db.RecordAccessSettings.Any(s => s.RecordId == r.Id && !s.Centre15Allowed)),
            _ => records.Where(r => db.EmergencyAccesses.Any(e => e.RecordId == r.Id && e.IdNatPs == professional && e.Mode == AccessMode.BreakTheGlass && e.ExpiresAt > now)
                && !db.RecordAccessSettings.Any(s => s.RecordId == r.Id && !s.BreakTheGlassAllowed)),
        };
    }

    /// <summary>
    /// The documents a caller may see, deleted ones included as tombstones for the holder (they see
    /// that the author deleted one). Content is only served for those not deleted.
    /// </summary>
    public IQueryable<HealthDocument> ReadableDocuments(Caller caller)
    {
        if (caller.Kind == CallerKind.Holder && caller.HolderRecordId is { } own)
        {
            var records = ReadableRecords(caller).Select(r => r.Id);
            var released = clock.GetUtcNow() - InvisibleToHolderAtMost;
            return db.Documents.Where(d => records.Contains(d.RecordId)
                && (d.Status != DocumentStatus.Deleted || d.DeletedByKind != ActorKind.Holder)
                && (!d.InvisibleToHolder || d.DepositedAt <= released)
                && (d.RecordId == own || !d.InvisibleToLegalRepresentatives));
        }

        if (ProfessionalOf(caller) is { } professional && caller.Professional is { } acting)
        {
            var reachable = NotBlocked(professional).Select(r => r.Id);
            var consultable = ConsultableRecords(caller).Select(r => r.Id);
            var types = matrix.TypesFor(acting.ProfessionCode, acting.SpecialtyCode).ToList();
            var roles = DeclaredRoles(professional);
            var hiddenInEmergency = caller.Mode != AccessMode.Normal;

            // One predicate (no UNION), so paging and counting stay one indexed query: what they deposited or wrote,
            // or what the matrix grants on a record they may consult, hidden documents only with a role or, in an
            // emergency, when the holder allowed them.
            return db.Documents.Where(d => d.Status != DocumentStatus.Deleted && reachable.Contains(d.RecordId)
                && ((d.DepositorKind == ActorKind.Professional && d.DepositorId == professional) || d.AuthorId == professional
                    || (consultable.Contains(d.RecordId) && types.Contains(d.TypeCode)
                        && (!d.HiddenFromProfessionals || roles.Any(r => r.RecordId == d.RecordId)
                            || (hiddenInEmergency && db.RecordAccessSettings.Any(s => s.RecordId == d.RecordId && s.HiddenDocumentsInEmergency))))));
        }

        if (caller.Kind == CallerKind.Establishment && caller.Professional is null && caller.ClientId is { } client && !PurposeOfUse.IsForbidden(caller.Purpose))
        {
            // Software acting for no professional: only what it deposited itself.
            return db.Documents.Where(d => d.DepositorKind == ActorKind.Establishment && d.DepositorId == client && d.Status != DocumentStatus.Deleted
                && db.Records.Any(r => r.Id == d.RecordId && r.State == RecordState.Open));
        }

        return db.Documents.Where(_ => false);
    }

    /// <summary>
    /// The traces of a record the holder side may read (DOMAIN.md §6), none for anyone else. The holder sees every
    /// trace but those naming a document still invisible to them (INVISIBLE_PATIENT, first month); representatives and
    /// caregivers neither those nor the ones that would give away a minor's secret: traces naming a document hidden
    /// from legal representatives, and whatever a professional did during a secret connection.
    /// </summary>
    public async Task<IQueryable<Trace>> ReadableTracesAsync(Caller caller, Guid recordId, CancellationToken ct)
    {
        if (!await ReadableRecords(caller).AnyAsync(r => r.Id == recordId, ct))
        {
            return db.Traces.Where(_ => false);
        }

        var own = caller.HolderRecordId == recordId;
        var released = clock.GetUtcNow() - InvisibleToHolderAtMost;

        // A record holds few such documents: their ids go in as a list (traces name a document by its id as text).
        var hidden = (await db.Documents
                .Where(d => d.RecordId == recordId && ((d.InvisibleToHolder && d.DepositedAt > released) || (!own && d.InvisibleToLegalRepresentatives)))
                .Select(d => d.Id)
                .ToListAsync(ct))
            .ConvertAll(id => id.ToString());
        var traces = db.Traces.Where(t => t.RecordId == recordId && (t.Target == null || !hidden.Contains(t.Target)));
        return own
            ? traces
            : traces.Where(t => !db.SecretConnections.Any(c => c.RecordId == recordId && c.IdNatPs == t.ActorId && t.At >= c.OpenedAt && t.At < c.ExpiresAt));
    }

    /// <summary>The open record a caller may deposit into, found by INS; null when there is none (or it is not theirs to fill).</summary>
    public Task<Guid?> DepositTargetAsync(Caller caller, Ins ins, CancellationToken ct) =>
        Depositable(caller).Where(r => r.Nir == ins.Nir && r.InsAuthority == ins.Authority).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Whether a caller may deposit into this record: the holder side into the records it may open; professionals
    /// into any open record, consent or not (feeding the record is their duty, CSP L.1111-15), unless for a
    /// forbidden purpose.
    /// </summary>
    public Task<bool> MayDepositAsync(Caller caller, Guid recordId, CancellationToken ct) =>
        Depositable(caller).AnyAsync(r => r.Id == recordId, ct);

    /// <summary>
    /// What a deposit by this caller into this record must carry beyond what the depositor sent: hidden from
    /// professionals when the holder hides new documents (set before now); hidden from legal representatives
    /// during the depositor's secret connection with a minor.
    /// </summary>
    public async Task<Confidentiality> ImposedConfidentialityAsync(Caller caller, Guid recordId, Confidentiality sent, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var result = sent;
        if (!sent.InvisibleToHolder && await db.RecordAccessSettings.AnyAsync(s => s.RecordId == recordId && s.HideNewDocumentsSince != null && s.HideNewDocumentsSince <= now, ct))
        {
            // INVISIBLE_PATIENT and MASQUE_PS cannot be combined: a document the holder cannot see yet stays as sent.
            result = result with { HiddenFromProfessionals = true };
        }

        if (ProfessionalOf(caller) is { } professional
            && await db.SecretConnections.AnyAsync(c => c.RecordId == recordId && c.IdNatPs == professional && c.ExpiresAt > now, ct))
        {
            result = result with { InvisibleToLegalRepresentatives = true };
        }

        return result;
    }

    /// <summary>
    /// A professional who deposits treats the holder: they join the care team (authorised, DOMAIN.md §5) unless
    /// they are blocked, already authorised, or the holder withdrew their authorisation before. Added to the
    /// unit of work, not saved.
    /// </summary>
    public async Task JoinCareTeamAsync(Caller caller, Guid recordId, CancellationToken ct)
    {
        if (ProfessionalOf(caller) is not { } professional || caller.Professional is not { } acting)
        {
            return;
        }

        // Any earlier authorisation (ended by an objection or a block) or block, even lifted, means the care team is not
        // joined again by depositing: after an objection or a block only a new consent restores access (DOMAIN.md §5).
        // Nor is it joined during a secret connection with a minor: the parents would see the professional's name.
        var now = clock.GetUtcNow();
        var known = db.ProfessionalAuthorizations.Local.Any(a => a.RecordId == recordId && a.IdNatPs == professional)
            || await db.ProfessionalAuthorizations.AnyAsync(a => a.RecordId == recordId && a.IdNatPs == professional, ct)
            || await db.ProfessionalBlocks.AnyAsync(b => b.RecordId == recordId && b.IdNatPs == professional, ct)
            || await db.SecretConnections.AnyAsync(c => c.RecordId == recordId && c.IdNatPs == professional && c.ExpiresAt > now, ct);
        if (!known)
        {
            db.ProfessionalAuthorizations.Add(ProfessionalAuthorization.Grant(recordId, professional, acting.DisplayName, AuthorizationBasis.CareTeam, now));
        }
    }

    /// <summary>
    /// For a professional calling in an emergency mode: opens an emergency access on the record when none is
    /// open and the holder allows that mode (traced with its mode, so the holder is told), in its own unit of
    /// work. Returns whether one is open now. Refusals are silent: the record then looks absent.
    /// </summary>
    public async Task<bool> OpenEmergencyAccessAsync(Caller caller, Guid recordId, CancellationToken ct)
    {
        if (caller.Mode == AccessMode.Normal || ProfessionalOf(caller) is not { } professional)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var mode = caller.Mode;
        if (await db.EmergencyAccesses.AnyAsync(e => e.RecordId == recordId && e.IdNatPs == professional && e.Mode == mode && e.ExpiresAt > now, ct))
        {
            return true;
        }

        if (!await NotBlocked(professional).AnyAsync(r => r.Id == recordId, ct))
        {
            return false;
        }

        var settings = await db.RecordAccessSettings.AsNoTracking().FirstOrDefaultAsync(s => s.RecordId == recordId, ct) ?? RecordAccessSettings.Defaults(recordId);
        if (!settings.Allows(mode))
        {
            return false;
        }

        var access = EmergencyAccess.Open(recordId, professional, mode, now, options.Value.EmergencyAccessLifetime);
        db.EmergencyAccesses.Add(access);
        db.Traces.Add(Trace.Of(recordId, caller.Actor, TraceActions.EmergencyAccessOpened, now, AccessModes.Name(mode), mode));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Whether the professional holds a declared role on the record (sees hidden documents, may block others).</summary>
    public Task<bool> HoldsRoleAsync(string idNatPs, Guid recordId, CancellationToken ct) =>
        DeclaredRoles(idNatPs).AnyAsync(r => r.RecordId == recordId, ct);

    /// <summary>The acting professional's idNat_PS when the caller is a professional (directly or through software) for an allowed purpose.</summary>
    private static string? ProfessionalOf(Caller caller) =>
        caller is { Kind: CallerKind.Professional or CallerKind.Establishment, Professional: { } professional } && !PurposeOfUse.IsForbidden(caller.Purpose)
            ? professional.IdNatPs
            : null;

    private IQueryable<HealthRecord> NotBlocked(string idNatPs) =>
        db.Records.Where(r => r.State == RecordState.Open && !db.ProfessionalBlocks.Any(b => b.RecordId == r.Id && b.IdNatPs == idNatPs && b.LiftedAt == null));

    private IQueryable<DeclaredRole> DeclaredRoles(string idNatPs)
    {
        var id = ProfessionalId.TryParse(idNatPs, "idNat_PS", out var parsed, out _) ? parsed : null;
        var professionals = db.Professionals.Where(p => p.IdNatPs == id).Select(p => p.Id);
        return db.DeclaredRoles.Where(r => r.EndedAt == null && professionals.Contains(r.ProfessionalId));
    }

    private IQueryable<HealthRecord> Depositable(Caller caller) => caller.Kind switch
    {
        CallerKind.Holder => ReadableRecords(caller).Where(r => r.State == RecordState.Open),
        CallerKind.Professional or CallerKind.Establishment when !PurposeOfUse.IsForbidden(caller.Purpose) => db.Records.Where(r => r.State == RecordState.Open),
        _ => db.Records.Where(_ => false),
    };
}
