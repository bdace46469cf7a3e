using Npgsql;

namespace Carnet.Bench.Seed;

/// <summary>
/// Binary COPY into one table in batches, each its own statement and commit: what was written survives an
/// interrupted run, and no transaction grows to tens of millions of rows. Values are written synchronously
/// (buffered by Npgsql); only a batch's end waits.
/// </summary>
public sealed class BatchedCopy(NpgsqlConnection connection, CopyTable table, SeedProgress progress, long batchRows) : IAsyncDisposable
{
    private NpgsqlBinaryImporter? _importer;
    private long _inBatch;

    public CopyTable Table => table;

    public SeedProgress Progress => progress;

    public async ValueTask WriteAsync(object?[] row, CancellationToken ct)
    {
        _importer ??= await table.BeginAsync(connection, ct);
        table.Write(_importer, row);
        progress.Add();
        if (++_inBatch >= batchRows)
        {
            await CommitAsync(ct);
        }
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        if (_importer is not null)
        {
            await _importer.CompleteAsync(ct);
            await _importer.DisposeAsync();
            _importer = null;
        }

        _inBatch = 0;
    }

    /// <summary>Without <see cref="CommitAsync"/>, the batch under way is rolled back.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_importer is not null)
        {
            await _importer.DisposeAsync();
        }
    }
}
