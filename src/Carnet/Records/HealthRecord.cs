using Carnet.Identifiers;

namespace Carnet.Records;

/// <summary>
/// A person's record and its lifecycle (DOMAIN.md §3): identity as imported from the operator,
/// contact details for notices, and the dates of each step. Transitions are methods that refuse
/// what the law does not allow, so the use cases, jobs and CLI cannot disagree.
/// </summary>
public sealed class HealthRecord
{
    private HealthRecord()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The NIR of the holder. Personal data: never log it.</summary>
    public Nir Nir { get; private set; } = null!;

    public InsAuthority InsAuthority { get; private set; }

    public string FamilyName { get; private set; } = "";

    public string GivenNames { get; private set; } = "";

    public DateOnly BirthDate { get; private set; }

    public VitaleSerial VitaleSerial { get; private set; } = null!;

    public string? Email { get; private set; }

    /// <summary>Mobile number in E.164 form.</summary>
    public string? Mobile { get; private set; }

    public PostalAddress? Address { get; private set; }

    public RecordState State { get; private set; }

    public DateTimeOffset ImportedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? NoticeSentAt { get; private set; }

    public DateTimeOffset? ObjectedAt { get; private set; }

    public DateTimeOffset? CreatedAt { get; private set; }

    public DateTimeOffset? ActivatedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public DateTimeOffset? PurgeDueAt { get; private set; }

    public DateTimeOffset? DeletionRequestedAt { get; private set; }

    public DateTimeOffset? DeletionDueAt { get; private set; }

    public DateTimeOffset? PurgedAt { get; private set; }

    public DateTimeOffset? SuspendedAt { get; private set; }

    public DateTimeOffset? SuspensionObjectedAt { get; private set; }

    /// <summary>When the last provisional code was issued: a person may ask for one every 30 seconds.</summary>
    public DateTimeOffset? LastCodeIssuedAt { get; private set; }

    /// <summary>Wrong provisional codes typed in a row (with the right NIR and serial); counted atomically by IdentityProof.</summary>
    public int ProvisionalCodeFailures { get; private set; }

    /// <summary>Set after too many wrong provisional codes: no code is accepted until then.</summary>
    public DateTimeOffset? ProvisionalCodeLockedUntil { get; private set; }

    /// <summary>Optimistic concurrency: two nodes cannot both move the same record.</summary>
    public int Version { get; private set; }

    public Ins Ins => new(Nir, InsAuthority);

    public string DisplayName => $"{GivenNames} {FamilyName}";

    public bool IsActivated => ActivatedAt is not null;

    public DateTimeOffset? OppositionWindowEndsAt => NoticeSentAt + LifecycleRules.OppositionWindow;

    public DateTimeOffset? SuspensionClosesAt =>
        SuspendedAt is not null && SuspensionObjectedAt is null ? SuspendedAt + LifecycleRules.SuspensionObjectionWindow : null;

    public bool IsDeletionPending => State == RecordState.Closed && DeletionRequestedAt is not null;

    public DateOnly MajorityOn => BirthDate.AddYears(LifecycleRules.AgeOfMajority);

    public bool IsMinorOn(DateOnly day) => day < MajorityOn;

    public static HealthRecord Import(InsuredPerson person, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        Nir = person.Nir,
        InsAuthority = person.InsAuthority,
        FamilyName = person.FamilyName,
        GivenNames = person.GivenNames,
        BirthDate = person.BirthDate,
        VitaleSerial = person.VitaleSerial,
        Email = person.Email,
        Mobile = person.Mobile,
        Address = person.Address,
        State = RecordState.AwaitingNotice,
        ImportedAt = at,
        UpdatedAt = at,
    };

    /// <summary>Takes the operator's latest data; returns false when nothing changed (re-import is idempotent).</summary>
    public bool Refresh(InsuredPerson person, DateTimeOffset at)
    {
        var changed = !string.Equals(FamilyName, person.FamilyName, StringComparison.Ordinal)
            || !string.Equals(GivenNames, person.GivenNames, StringComparison.Ordinal)
            || BirthDate != person.BirthDate
            || InsAuthority != person.InsAuthority
            || !VitaleSerial.Equals(person.VitaleSerial)
            || !string.Equals(Email, person.Email, StringComparison.Ordinal)
            || !string.Equals(Mobile, person.Mobile, StringComparison.Ordinal)
            || Address != person.Address;
        if (!changed)
        {
            return false;
        }

        FamilyName = person.FamilyName;
        GivenNames = person.GivenNames;
        BirthDate = person.BirthDate;
        InsAuthority = person.InsAuthority;
        VitaleSerial = person.VitaleSerial;
        Email = person.Email;
        Mobile = person.Mobile;
        Address = person.Address;
        Touch(at);
        return true;
    }

    /// <summary>
    /// A provisional code is issued. Saved with the record's version, so two concurrent requests cannot
    /// both get past the 30-second rule.
    /// </summary>
    public void CodeIssued(DateTimeOffset at, bool throttle)
    {
        if (throttle)
        {
            LifecycleRules.EnsureNewCodeAllowed(LastCodeIssuedAt, at);
        }

        LastCodeIssuedAt = at;
        Touch(at);
    }

    /// <summary>The information was sent (e-mail accepted or letter posted): the six-week window starts (CSP R1111-28).</summary>
    public void NoticeSent(DateTimeOffset at)
    {
        if (State != RecordState.AwaitingNotice || NoticeSentAt is not null)
        {
            return;
        }

        NoticeSentAt = at;
        State = RecordState.OppositionWindow;
        Touch(at);
    }

    public void ObjectToCreation(DateTimeOffset at)
    {
        switch (State)
        {
            case RecordState.AwaitingNotice or RecordState.OppositionWindow:
                State = RecordState.Objected;
                ObjectedAt = at;
                Touch(at);
                return;
            case RecordState.Objected:
                throw new LifecycleException("already_objected", "The objection is already recorded: no record will be created. You can change your mind at any time by reopening.");
            default:
                throw new LifecycleException("record_already_created", "The record already exists, so it can no longer be objected to. You can close it instead, and ask for its deletion.");
        }
    }

    public bool IsDueForAutomaticCreation(DateTimeOffset now) =>
        State == RecordState.OppositionWindow && now >= OppositionWindowEndsAt;

    /// <summary>Six weeks after the notice without objection, the operator opens the record (CSP R1111-28).</summary>
    public void CreateAutomatically(DateTimeOffset at)
    {
        if (!IsDueForAutomaticCreation(at))
        {
            throw new LifecycleException("not_due", "The opposition window has not ended or the record is not waiting for creation.");
        }

        Open(at);
    }

    /// <summary>The holder activates: creates the record now if the window is still running.</summary>
    public void Activate(DateTimeOffset at)
    {
        EnsureActivatable();
        if (State != RecordState.Open)
        {
            Open(at);
        }

        ActivatedAt = at;
        Touch(at);
    }

    /// <summary>Refuses, with what to do instead, when the record cannot be activated now.</summary>
    public void EnsureActivatable()
    {
        switch (State)
        {
            case RecordState.AwaitingNotice or RecordState.OppositionWindow:
            case RecordState.Open when ActivatedAt is null:
                return;
            case RecordState.Open:
                throw new LifecycleException("already_activated", "This record is already activated: sign in with your login, or reset your password if you forgot it.");
            case RecordState.Objected:
                throw new LifecycleException("objected", "You objected to the creation of this record. Reopen it first (you changed your mind), then activate it.");
            default:
                throw new LifecycleException("record_not_open", "This record is closed or suspended and cannot be activated. Reopen it first, or contact support if it was suspended.");
        }
    }

    /// <summary>Closing is possible at any time (CSP R1111-36), also while suspended.</summary>
    public void Close(DateTimeOffset at, bool requestDeletion)
    {
        if (State is not (RecordState.Open or RecordState.Suspended))
        {
            throw State == RecordState.Closed
                ? new LifecycleException("already_closed", "This record is already closed. You can still ask for the deletion of its archive.")
                : new LifecycleException("record_not_open", "Only an open record can be closed.");
        }

        State = RecordState.Closed;
        ClosedAt = at;
        PurgeDueAt = LifecycleRules.ArchiveEnds(at);
        if (requestDeletion)
        {
            DeletionRequestedAt = at;
            DeletionDueAt = LifecycleRules.DeletionDeadline(at);
        }

        Touch(at);
    }

    /// <summary>An express deletion request: on an open record it closes it too (CSP R1111-36).</summary>
    public void RequestDeletion(DateTimeOffset at)
    {
        if (State is RecordState.Open or RecordState.Suspended)
        {
            Close(at, requestDeletion: true);
            return;
        }

        if (State != RecordState.Closed)
        {
            throw new LifecycleException("record_not_closed", "Deletion can be requested for an open or closed record only.");
        }

        if (DeletionRequestedAt is not null)
        {
            throw new LifecycleException("deletion_pending", $"Deletion is already under way; it will be complete by {DeletionDueAt:yyyy-MM-dd}.");
        }

        DeletionRequestedAt = at;
        DeletionDueAt = LifecycleRules.DeletionDeadline(at);
        Touch(at);
    }

    public bool IsDueForPurge(DateTimeOffset now) =>
        State == RecordState.Closed && (DeletionRequestedAt is not null || now >= PurgeDueAt);

    public void Purge(DateTimeOffset at)
    {
        if (!IsDueForPurge(at))
        {
            throw new LifecycleException("not_due", "The archive is kept ten years unless deletion was requested.");
        }

        State = RecordState.Purged;
        PurgedAt = at;
        ActivatedAt = null;
        Touch(at);
    }

    /// <summary>
    /// The person changed their mind: an objected, closed or purged record is opened again. Reopening a
    /// closed record restores its archive and cancels the ten-year purge; a record closed with a pending
    /// deletion cannot be reopened until the deletion completes (CSP R1111-36; docs/adr/0004).
    /// </summary>
    public void Reopen(DateTimeOffset at)
    {
        switch (State)
        {
            case RecordState.Objected or RecordState.Purged:
                Open(at);
                ActivatedAt = null;
                Touch(at);
                return;
            case RecordState.Closed when DeletionRequestedAt is not null:
                throw new LifecycleException("deletion_pending", $"Your deletion request is being carried out; it will be complete by {DeletionDueAt:yyyy-MM-dd}. You can create a new record once it is done.");
            case RecordState.Closed:
                State = RecordState.Open;
                ClosedAt = null;
                PurgeDueAt = null;
                Touch(at);
                return;
            default:
                throw new LifecycleException("record_not_closed", "This record is not closed: there is nothing to reopen.");
        }
    }

    public void Suspend(DateTimeOffset at)
    {
        if (State != RecordState.Open)
        {
            throw new LifecycleException("record_not_open", "Only an open record can be suspended.");
        }

        State = RecordState.Suspended;
        SuspendedAt = at;
        SuspensionObjectedAt = null;
        Touch(at);
    }

    public void ObjectToSuspension(DateTimeOffset at)
    {
        if (State != RecordState.Suspended)
        {
            throw new LifecycleException("record_not_suspended", "This record is not suspended.");
        }

        SuspensionObjectedAt ??= at;
        Touch(at);
    }

    public void LiftSuspension(DateTimeOffset at)
    {
        if (State != RecordState.Suspended)
        {
            throw new LifecycleException("record_not_suspended", "This record is not suspended.");
        }

        State = RecordState.Open;
        SuspendedAt = null;
        SuspensionObjectedAt = null;
        Touch(at);
    }

    public bool IsDueForClosureAfterSuspension(DateTimeOffset now) =>
        State == RecordState.Suspended && now >= SuspensionClosesAt;

    /// <summary>Without objection six weeks after the suspension notice, the record is closed (CSP R1111-36).</summary>
    public void CloseAfterSuspension(DateTimeOffset at)
    {
        if (!IsDueForClosureAfterSuspension(at))
        {
            throw new LifecycleException("not_due", "The suspension has not lasted six weeks, or the holder objected.");
        }

        Close(at, requestDeletion: false);
    }

    private void Open(DateTimeOffset at)
    {
        State = RecordState.Open;
        CreatedAt = at;
        ClosedAt = null;
        PurgeDueAt = null;
        DeletionRequestedAt = null;
        DeletionDueAt = null;
        Touch(at);
    }

    private void Touch(DateTimeOffset at)
    {
        UpdatedAt = at;
        Version++;
    }
}
