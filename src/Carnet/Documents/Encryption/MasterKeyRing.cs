using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Carnet.Documents.Encryption;

/// <summary>
/// The master keys, by id, loaded once at start. Refuses to start without a usable active key rather
/// than store anything unencrypted.
/// </summary>
public sealed class MasterKeyRing
{
    public const int KeySize = 32;
    private readonly Dictionary<string, byte[]> _keys;

    public MasterKeyRing(IOptions<KeyOptions> options, TimeProvider clock)
    {
        var settings = options.Value;
        _keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, base64) in settings.MasterKeys)
        {
            _keys[id] = Decode(id, base64);
        }

        if (System.IO.Directory.Exists(settings.Directory))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(settings.Directory, "master-*.key"))
            {
                var id = Path.GetFileNameWithoutExtension(file)["master-".Length..];
                _keys.TryAdd(id, Decode(id, File.ReadAllText(file).Trim()));
            }
        }

        if (_keys.Count == 0 && settings.GenerateIfMissing)
        {
            var id = "k" + clock.GetUtcNow().ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            var key = RandomNumberGenerator.GetBytes(KeySize);
            System.IO.Directory.CreateDirectory(settings.Directory);
            var path = Path.Combine(settings.Directory, $"master-{id}.key");
            File.WriteAllText(path, Convert.ToBase64String(key));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            _keys[id] = key;
            Generated = path;
        }

        if (_keys.Count == 0)
        {
            throw new InvalidOperationException("No master key is configured: set Carnet:Keys:MasterKeys:<id> to 32 random bytes in base64 (for example the output of 'openssl rand -base64 32') and Carnet:Keys:ActiveMasterKeyId to <id>.");
        }

        ActiveKeyId = settings.ActiveMasterKeyId ?? (_keys.Count == 1 ? _keys.Keys.Single() : throw new InvalidOperationException("Several master keys are configured: set Carnet:Keys:ActiveMasterKeyId to the one that wraps new data keys."));
        if (!_keys.ContainsKey(ActiveKeyId))
        {
            throw new InvalidOperationException($"Carnet:Keys:ActiveMasterKeyId names '{ActiveKeyId}', which is not among the configured master keys.");
        }
    }

    public string ActiveKeyId { get; }

    public IReadOnlyCollection<string> KeyIds => _keys.Keys;

    /// <summary>The key file created at this start, if any (development).</summary>
    public string? Generated { get; }

    public ReadOnlySpan<byte> Key(string id) =>
        _keys.TryGetValue(id, out var key) ? key : throw new KeyNotFoundException($"Master key '{id}' is not configured; it is needed to read data wrapped with it. Restore it in Carnet:Keys.");

    private static byte[] Decode(string id, string base64)
    {
        try
        {
            var key = Convert.FromBase64String(base64);
            return key.Length == KeySize ? key : throw new InvalidOperationException($"Master key '{id}' must be exactly {KeySize} bytes (base64 of 32 random bytes); it has {key.Length}.");
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"Master key '{id}' is not valid base64; generate one with 'openssl rand -base64 32'.", e);
        }
    }
}
