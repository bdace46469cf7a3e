namespace Carnet.Documents.Encryption;

/// <summary>
/// A record's data key, wrapped (AES-256-GCM) by a master key named by id so master keys can rotate.
/// Destroying this row makes the record's stored content unreadable (crypto-shredding at purge).
/// </summary>
public sealed class RecordKey
{
    private RecordKey()
    {
    }

    public Guid RecordId { get; private set; }

    public string MasterKeyId { get; private set; } = "";

    /// <summary>nonce (12) ‖ wrapped key (32) ‖ tag (16); the record id is the associated data.</summary>
    public byte[] WrappedKey { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    internal static RecordKey Of(Guid recordId, string masterKeyId, byte[] wrapped, DateTimeOffset at) =>
        new() { RecordId = recordId, MasterKeyId = masterKeyId, WrappedKey = wrapped, CreatedAt = at };

    internal void Rewrap(string masterKeyId, byte[] wrapped)
    {
        MasterKeyId = masterKeyId;
        WrappedKey = wrapped;
    }
}
