namespace Carnet.Documents.Encryption;

/// <summary>
/// Configuration section <c>Carnet:Keys</c>: the master keys that wrap each record's data key. Give them
/// by configuration (<c>Carnet__Keys__MasterKeys__k2026a=&lt;base64 of 32 random bytes&gt;</c>) in
/// production; development generates one under <see cref="Directory"/>.
/// </summary>
public sealed class KeyOptions
{
    /// <summary>Key id → base64 of 32 random bytes. Several ids allow rotation.</summary>
    public IDictionary<string, string> MasterKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The id of the key that wraps new data keys; defaults to the only key when there is one.</summary>
    public string? ActiveMasterKeyId { get; set; }

    /// <summary>Folder of key files <c>master-&lt;id&gt;.key</c> (base64), read in addition to <see cref="MasterKeys"/>.</summary>
    public string Directory { get; set; } = "data/keys";

    /// <summary>Create a key file when there is no key at all (development only).</summary>
    public bool GenerateIfMissing { get; set; }
}
