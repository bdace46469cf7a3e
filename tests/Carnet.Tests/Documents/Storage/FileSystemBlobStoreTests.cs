using Carnet.Documents.Storage;
using Carnet.Tests.Testing;

namespace Carnet.Tests.Documents.Storage;

public sealed class FileSystemBlobStoreTests : BlobStoreContract
{
    private readonly TemporaryFolder _folder = new();
    private readonly FakeClock _clock = new();

    private string Root => Path.Combine(_folder.Path, "blobs");

    private FileSystemBlobStore FileStore => (FileSystemBlobStore)Store;

    protected override Task<IBlobStore> CreateStoreAsync() => Task.FromResult<IBlobStore>(new FileSystemBlobStore(Root, _clock));

    protected override Task DeleteStoreAsync(IBlobStore store)
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [BlobStoreFact]
    public async Task A_blob_is_a_file_under_its_key()
    {
        await Store.PutAsync("records/r1/d1", new MemoryStream([1, 2, 3]), default);

        File.ReadAllBytes(Path.Combine(Root, "records", "r1", "d1")).ShouldBe(new byte[] { 1, 2, 3 });
    }

    [BlobStoreFact]
    public async Task A_relative_folder_is_taken_from_the_working_directory()
    {
        var store = new FileSystemBlobStore(Path.GetRelativePath(Environment.CurrentDirectory, Root), _clock);

        await store.PutAsync("d/relative", new MemoryStream([5]), default);

        File.Exists(Path.Combine(Root, "d", "relative")).ShouldBeTrue();
    }

    [BlobStoreFact]
    public async Task A_failed_write_leaves_no_temporary_file()
    {
        await Store.PutAsync("d/existing", new MemoryStream([1]), default);

        await Should.ThrowAsync<IOException>(() => Store.PutAsync("d/failed", new GeneratedStream(MiB) { FailAfter = 100_000 }, default));
        using var cancel = new CancellationTokenSource();
        await Should.ThrowAsync<OperationCanceledException>(() => Store.PutAsync("d/cancelled", new GeneratedStream(MiB) { FailAfter = 100_000, Cancel = cancel }, cancel.Token));

        Directory.GetFiles(Root, "*", SearchOption.AllDirectories).ShouldBe([Path.Combine(Root, "d", "existing")]);
    }

    [BlobStoreFact]
    public async Task Unfinished_writes_and_foreign_files_are_not_listed()
    {
        await Store.PutAsync("d/blob", new MemoryStream([1]), default);
        await File.WriteAllBytesAsync(Path.Combine(Root, "d", ".tmp-0123456789abcdef"), [1]);
        await File.WriteAllBytesAsync(Path.Combine(Root, "d", "not a key.txt"), [1]);

        (await ListAsync("")).ShouldBe(["d/blob"]);
    }

    [BlobStoreFact]
    public async Task Stale_temporary_files_are_removed_and_recent_ones_kept()
    {
        await Store.PutAsync("d/blob", new MemoryStream([1]), default);
        var stale = Path.Combine(Root, "d", ".tmp-stale");
        var recent = Path.Combine(Root, ".tmp-recent");
        await File.WriteAllBytesAsync(stale, [1]);
        await File.WriteAllBytesAsync(recent, [1]);
        File.SetLastWriteTimeUtc(stale, _clock.UtcNow.UtcDateTime.AddMinutes(-61));
        File.SetLastWriteTimeUtc(recent, _clock.UtcNow.UtcDateTime.AddMinutes(-59));

        var removed = await FileStore.RemoveStaleTemporaryFilesAsync(TimeSpan.FromHours(1), default);

        removed.ShouldBe(1);
        File.Exists(stale).ShouldBeFalse();
        File.Exists(recent).ShouldBeTrue();
        (await ReadAsync("d/blob")).ShouldBe(new byte[] { 1 });
    }

    [BlobStoreFact]
    public async Task Temporary_files_written_before_a_cut_off_are_removed()
    {
        await Store.PutAsync("d/blob", new MemoryStream([1]), default);
        var before = Path.Combine(Root, "d", ".tmp-before");
        var after = Path.Combine(Root, "d", ".tmp-after");
        await File.WriteAllBytesAsync(before, [1]);
        await File.WriteAllBytesAsync(after, [1]);
        File.SetLastWriteTimeUtc(before, _clock.UtcNow.UtcDateTime.AddSeconds(-1));
        File.SetLastWriteTimeUtc(after, _clock.UtcNow.UtcDateTime.AddSeconds(1));

        (await FileStore.RemoveStaleTemporaryFilesAsync(_clock.UtcNow, default)).ShouldBe(1);

        File.Exists(before).ShouldBeFalse();
        File.Exists(after).ShouldBeTrue();
        (await ListAsync("")).ShouldBe(["d/blob"]);
    }

    [BlobStoreFact]
    public async Task Removing_stale_temporary_files_from_a_store_never_written_is_nothing()
    {
        (await FileStore.RemoveStaleTemporaryFilesAsync(TimeSpan.FromHours(1), default)).ShouldBe(0);
        (await ListAsync("")).ShouldBeEmpty();
    }

    [BlobStoreFact]
    public async Task A_key_cannot_be_both_a_blob_and_a_folder()
    {
        await Store.PutAsync("a", new MemoryStream([1]), default);

        await Should.ThrowAsync<IOException>(() => Store.PutAsync("a/b", new MemoryStream([2]), default));

        (await ReadAsync("a")).ShouldBe(new byte[] { 1 });
    }
}
