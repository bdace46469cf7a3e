using System.Globalization;
using Npgsql;

namespace Carnet.Bench.Seed;

/// <summary>Where the bytes went: the database, and each seeded table with its indexes (PostgreSQL's size functions).</summary>
public static class DatabaseSizes
{
    public static async Task PrintAsync(NpgsqlConnection connection, IReadOnlyList<string> tables, long documents, CancellationToken ct)
    {
        await using (var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection))
        {
            var database = (long)(await command.ExecuteScalarAsync(ct))!;
            Console.WriteLine($"Database size: {Megabytes(database)} MB ({(documents > 0 ? (database / (double)documents).ToString("N0", CultureInfo.InvariantCulture) : "-")} bytes per document, everything included)");
        }

        Console.WriteLine("table                 rows (estimate)   heap MB  indexes MB   total MB");
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand(
                "SELECT c.reltuples::bigint, pg_table_size(c.oid), pg_indexes_size(c.oid), pg_total_relation_size(c.oid) FROM pg_class c WHERE c.oid = to_regclass(@name)",
                connection);
            command.Parameters.AddWithValue("name", "\"" + table + "\"");
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                Console.WriteLine($"{table,-20} {reader.GetInt64(0),16:N0} {Megabytes(reader.GetInt64(1)),9} {Megabytes(reader.GetInt64(2)),11} {Megabytes(reader.GetInt64(3)),10}");
            }
        }
    }

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("N0", CultureInfo.InvariantCulture);
}
