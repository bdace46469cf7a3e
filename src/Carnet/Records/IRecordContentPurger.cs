namespace Carnet.Records;

/// <summary>
/// Each capability that keeps data in a record destroys it when the record is purged (documents,
/// profile, messages…). Called in the purge's unit of work, before it is saved.
/// </summary>
public interface IRecordContentPurger
{
    /// <summary>Destroys, or stages the destruction of, this capability's data for the record.</summary>
    Task PurgeAsync(Guid recordId, CancellationToken ct);
}
