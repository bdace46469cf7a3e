using System.Security.Cryptography;
using Carnet.Documents.Storage;

namespace Carnet.Tests.Documents.Storage;

/// <summary>
/// What every <see cref="IBlobStore"/> promises, run once per store by its subclass. Each test gets a store of
/// its own (a fresh folder, a fresh key prefix), so tests share no blobs.
/// </summary>
public abstract class BlobStoreContract : IAsyncLifetime
{
    protected const int MiB = 1024 * 1024;

    private IBlobStore? _store;

    protected IBlobStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await DeleteStoreAsync(_store);
        }
    }

    protected abstract Task<IBlobStore> CreateStoreAsync();

    protected abstract Task DeleteStoreAsync(IBlobStore store);

    [BlobStoreFact]
    public async Task A_blob_written_reads_back_byte_for_byte()
    {
        var content = RandomNumberGenerator.GetBytes(300_000);

        await Store.PutAsync("records/r1/documents/d1.bin", new MemoryStream(content), default);

        (await ReadAsync("records/r1/documents/d1.bin")).ShouldBe(content);
    }

    [BlobStoreFact]
    public async Task Reading_from_an_offset_returns_the_tail()
    {
        var content = RandomNumberGenerator.GetBytes(10_000);
        await Store.PutAsync("d/tail", new MemoryStream(content), default);

        (await ReadAsync("d/tail", offset: 4_321)).ShouldBe(content[4_321..]);
    }

    [BlobStoreFact]
    public async Task Reading_from_the_end_returns_nothing()
    {
        await Store.PutAsync("d/short", new MemoryStream([1, 2, 3]), default);

        (await ReadAsync("d/short", offset: 3)).ShouldBeEmpty();
        (await ReadAsync("d/short", offset: 10)).ShouldBeEmpty();
    }

    [BlobStoreFact]
    public async Task A_missing_blob_is_reported_as_not_found()
    {
        var missing = await Should.ThrowAsync<BlobNotFoundException>(() => Store.OpenReadAsync("d/never-written", 0, default));

        missing.Key.ShouldBe("d/never-written");
        await Should.ThrowAsync<BlobNotFoundException>(() => Store.OpenReadAsync("d/never-written", 10, default));
    }

    [BlobStoreFact]
    public async Task A_folder_of_other_keys_is_not_a_blob()
    {
        await Store.PutAsync("folder/inside", new MemoryStream([1]), default);

        await Should.ThrowAsync<BlobNotFoundException>(() => Store.OpenReadAsync("folder", 0, default));
    }

    [BlobStoreFact]
    public async Task Deleting_a_blob_removes_it()
    {
        await Store.PutAsync("d/gone", new MemoryStream([1, 2, 3]), default);

        await Store.DeleteAsync("d/gone", default);

        await Should.ThrowAsync<BlobNotFoundException>(() => Store.OpenReadAsync("d/gone", 0, default));
        (await ListAsync("")).ShouldBeEmpty();
    }

    [BlobStoreFact]
    public async Task Deleting_a_missing_blob_is_not_an_error()
    {
        await Store.PutAsync("d/kept", new MemoryStream([1]), default);

        await Store.DeleteAsync("d/never-written", default);
        await Store.DeleteAsync("nowhere/at/all", default);

        (await ListAsync("")).ShouldBe(["d/kept"]);
    }

    [BlobStoreFact]
    public async Task Writing_an_existing_key_replaces_it()
    {
        await Store.PutAsync("d/same", new MemoryStream(RandomNumberGenerator.GetBytes(5_000)), default);

        var shorter = RandomNumberGenerator.GetBytes(700);
        await Store.PutAsync("d/same", new MemoryStream(shorter), default);

        (await ReadAsync("d/same")).ShouldBe(shorter);
        (await ListAsync("")).ShouldBe(["d/same"]);
    }

    [BlobStoreFact]
    public async Task Listing_by_prefix_returns_only_those_keys()
    {
        string[] keys = ["docs/1/a", "docs/1/b.enc", "docs/2/a", "docs-old/x", "other/y", "top"];
        foreach (var key in keys)
        {
            await Store.PutAsync(key, new MemoryStream([7]), default);
        }

        (await ListAsync("docs/1/")).ShouldBe(["docs/1/a", "docs/1/b.enc"], ignoreOrder: true);
        (await ListAsync("docs/")).ShouldBe(["docs/1/a", "docs/1/b.enc", "docs/2/a"], ignoreOrder: true);
        (await ListAsync("docs")).ShouldBe(["docs/1/a", "docs/1/b.enc", "docs/2/a", "docs-old/x"], ignoreOrder: true);
        (await ListAsync("docs/1/b")).ShouldBe(["docs/1/b.enc"]);
        (await ListAsync("nothing/")).ShouldBeEmpty();
        (await ListAsync("")).ShouldBe(keys, ignoreOrder: true);
    }

    [BlobStoreFact]
    public async Task A_blob_larger_than_one_part_is_written_from_a_non_seekable_stream()
    {
        const long size = 20L * MiB;

        await Store.PutAsync("big/blob", new GeneratedStream(size), default);

        await using var read = await Store.OpenReadAsync("big/blob", 0, default);
        await GeneratedStream.ShouldMatchAsync(read, 0, size);
        await using var tail = await Store.OpenReadAsync("big/blob", size - (3 * MiB) - 17, default);
        await GeneratedStream.ShouldMatchAsync(tail, size - (3 * MiB) - 17, size);
    }

    [BlobStoreFact]
    public async Task An_empty_blob_is_stored()
    {
        await Store.PutAsync("d/empty", new GeneratedStream(0), default);

        (await ReadAsync("d/empty")).ShouldBeEmpty();
        (await ListAsync("d/")).ShouldBe(["d/empty"]);
    }

    [BlobStoreFact]
    public async Task A_failed_write_leaves_no_blob()
    {
        // Past two 5 MiB parts, so an S3 store has a multipart upload to abort.
        var failing = new GeneratedStream(20L * MiB) { FailAfter = 12L * MiB };

        await Should.ThrowAsync<IOException>(() => Store.PutAsync("d/failed", failing, default));

        await Should.ThrowAsync<BlobNotFoundException>(() => Store.OpenReadAsync("d/failed", 0, default));
        (await ListAsync("")).ShouldBeEmpty();
    }

    [BlobStoreFact]
    public async Task A_failed_write_keeps_the_blob_it_would_have_replaced()
    {
        var before = RandomNumberGenerator.GetBytes(1_000);
        await Store.PutAsync("d/precious", new MemoryStream(before), default);

        await Should.ThrowAsync<IOException>(() => Store.PutAsync("d/precious", new GeneratedStream(10L * MiB) { FailAfter = 64 * 1024 }, default));

        (await ReadAsync("d/precious")).ShouldBe(before);
    }

    [BlobStoreFact]
    public async Task A_cancelled_write_leaves_no_blob()
    {
        using var cancel = new CancellationTokenSource();
        var source = new GeneratedStream(20L * MiB) { FailAfter = 6L * MiB, Cancel = cancel };

        await Should.ThrowAsync<OperationCanceledException>(() => Store.PutAsync("d/cancelled", source, cancel.Token));

        await Should.ThrowAsync<BlobNotFoundException>(() => Store.OpenReadAsync("d/cancelled", 0, default));
        (await ListAsync("")).ShouldBeEmpty();
    }

    [BlobStoreFact]
    public async Task Keys_with_path_traversal_are_refused()
    {
        string[] refused = ["", "/etc/passwd", "../outside", "a/../../outside", "a/..", "..", "a\\..\\b", "a\\b", "a//b", "a/", "./a", "a/./b", "C:x", "a b", "é", "a\0b", "a/.tmp-123"];

        foreach (var key in refused)
        {
            await Should.ThrowAsync<ArgumentException>(() => Store.PutAsync(key, new MemoryStream([1]), default), $"writing '{key}'");
            await Should.ThrowAsync<ArgumentException>(() => Store.OpenReadAsync(key, 0, default), $"reading '{key}'");
            await Should.ThrowAsync<ArgumentException>(() => Store.DeleteAsync(key, default), $"deleting '{key}'");
        }

        foreach (var prefix in new[] { "../", "/", "a/../", "a\\" })
        {
            await Should.ThrowAsync<ArgumentException>(() => ListAsync(prefix), $"listing '{prefix}'");
        }

        (await ListAsync("")).ShouldBeEmpty();
    }

    [BlobStoreFact]
    public async Task Keys_of_every_allowed_character_are_stored()
    {
        const string key = "Aa0_-.z/9.x-y_Z/.hidden";

        await Store.PutAsync(key, new MemoryStream([42]), default);

        (await ReadAsync(key)).ShouldBe(new byte[] { 42 });
        (await ListAsync("")).ShouldBe([key]);
    }

    protected async Task<byte[]> ReadAsync(string key, long offset = 0)
    {
        await using var stream = await Store.OpenReadAsync(key, offset, default);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    protected async Task<List<string>> ListAsync(string prefix)
    {
        var keys = new List<string>();
        await foreach (var key in Store.ListAsync(prefix, default))
        {
            keys.Add(key);
        }

        return keys;
    }
}
