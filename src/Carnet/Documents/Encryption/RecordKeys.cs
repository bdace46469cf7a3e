using System.Security.Cryptography;
using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Carnet.Documents.Encryption;

/// <summary>
/// Each record's data key: created on the first deposit (committed before any content is encrypted
/// under it), unwrapped with the master key for each use, re-wrapped when the master key rotates,
/// destroyed at purge.
/// </summary>
public sealed class RecordKeys(CarnetDbContext db, MasterKeyRing masterKeys, TimeProvider clock)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>The record's data key, created if it has none. The caller must zero it after use.</summary>
    public async Task<byte[]> GetOrCreateAsync(Guid recordId, CancellationToken ct)
    {
        if (await FindAsync(recordId, ct) is { } existing)
        {
            return existing;
        }

        var dataKey = RandomNumberGenerator.GetBytes(MasterKeyRing.KeySize);
        var row = RecordKey.Of(recordId, masterKeys.ActiveKeyId, Wrap(recordId, masterKeys.ActiveKeyId, dataKey), clock.GetUtcNow());
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return dataKey;
        }
        catch (DbUpdateException e)
        {
            // Another deposit created it at the same moment: use theirs.
            db.Entry(row).State = EntityState.Detached;
            CryptographicOperations.ZeroMemory(dataKey);
            return await FindAsync(recordId, ct) ?? throw new InvalidOperationException("The record's data key could not be created; try again.", e);
        }
    }

    /// <summary>The record's data key, or null when it has none (never deposited into, or purged).</summary>
    public async Task<byte[]?> FindAsync(Guid recordId, CancellationToken ct)
    {
        var row = await db.Set<RecordKey>().AsNoTracking().Where(k => k.RecordId == recordId).Select(k => new { k.MasterKeyId, k.WrappedKey }).FirstOrDefaultAsync(ct);
        return row is null ? null : Unwrap(recordId, row.MasterKeyId, row.WrappedKey);
    }

    /// <summary>Re-wraps up to <paramref name="batchSize"/> data keys not yet under the active master key; returns how many.</summary>
    public async Task<int> RewrapAsync(int batchSize, CancellationToken ct)
    {
        var active = masterKeys.ActiveKeyId;
        var rows = await db.Set<RecordKey>().Where(k => k.MasterKeyId != active).OrderBy(k => k.RecordId).Take(batchSize).ToListAsync(ct);
        foreach (var row in rows)
        {
            var dataKey = Unwrap(row.RecordId, row.MasterKeyId, row.WrappedKey);
            row.Rewrap(active, Wrap(row.RecordId, active, dataKey));
            CryptographicOperations.ZeroMemory(dataKey);
        }

        await db.SaveChangesAsync(ct);
        return rows.Count;
    }

    /// <summary>Stages the destruction of the record's data key (committed by the caller's unit of work).</summary>
    public async Task DestroyAsync(Guid recordId, CancellationToken ct)
    {
        if (await db.Set<RecordKey>().FindAsync([recordId], ct) is { } row)
        {
            db.Remove(row);
        }
    }

    private byte[] Wrap(Guid recordId, string masterKeyId, byte[] dataKey)
    {
        var wrapped = new byte[NonceSize + MasterKeyRing.KeySize + TagSize];
        RandomNumberGenerator.Fill(wrapped.AsSpan(0, NonceSize));
        using var aes = new AesGcm(masterKeys.Key(masterKeyId), TagSize);
        aes.Encrypt(wrapped.AsSpan(0, NonceSize), dataKey, wrapped.AsSpan(NonceSize, MasterKeyRing.KeySize), wrapped.AsSpan(NonceSize + MasterKeyRing.KeySize), recordId.ToByteArray());
        return wrapped;
    }

    private byte[] Unwrap(Guid recordId, string masterKeyId, byte[] wrapped)
    {
        var dataKey = new byte[MasterKeyRing.KeySize];
        using var aes = new AesGcm(masterKeys.Key(masterKeyId), TagSize);
        try
        {
            aes.Decrypt(wrapped.AsSpan(0, NonceSize), wrapped.AsSpan(NonceSize, MasterKeyRing.KeySize), wrapped.AsSpan(NonceSize + MasterKeyRing.KeySize), dataKey, recordId.ToByteArray());
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new ContentCorruptedException($"the record's data key does not open with master key '{masterKeyId}'", e);
        }

        return dataKey;
    }
}
