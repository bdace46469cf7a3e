using Carnet.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Carnet.Bench.Seed;

/// <summary>
/// A table written by binary COPY, its columns read from the EF Core model (Persistence/MappedColumn, as BulkInsert
/// does), so the model stays the one description of the schema: names, store types and value converters. Identity
/// columns are left out (the database numbers them). A row is an array in column order, filled from an entity
/// through the model's getters and then adjusted by property name.
/// </summary>
public sealed class CopyTable
{
    private readonly Dictionary<string, int> _byProperty;

    private CopyTable(string name, IReadOnlyList<MappedColumn> columns)
    {
        Name = name;
        Columns = columns;
        _byProperty = columns.Select((c, i) => (c.Property, i)).ToDictionary(p => p.Property, p => p.i, StringComparer.Ordinal);
    }

    public string Name { get; }

    public IReadOnlyList<MappedColumn> Columns { get; }

    public static CopyTable Of<T>(DbContext db)
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var name = type.GetTableName()!;
        var columns = MappedColumn.Of(type).Where(c => !IsIdentity(c.Model)).ToList();
        return new CopyTable(name, columns);
    }

    /// <summary>The position of a property's column in a row (owned properties as <c>Navigation.Property</c>).</summary>
    public int this[string property] => _byProperty.TryGetValue(property, out var index) ? index : throw new KeyNotFoundException($"{Name} has no column for {property}.");

    public object?[] NewRow() => new object?[Columns.Count];

    /// <summary>Sets every column from the entity's CLR values (not yet converted).</summary>
    public void Fill(object?[] row, object entity)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            row[i] = Columns[i].Read(entity);
        }
    }

    public Task<NpgsqlBinaryImporter> BeginAsync(NpgsqlConnection connection, CancellationToken ct) =>
        connection.BeginBinaryImportAsync($"COPY {Quote(Name)} ({string.Join(", ", Columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)", ct);

    /// <summary>Writes one row, converting each value as the model says (enums by name, NIR as text…).</summary>
    public void Write(NpgsqlBinaryImporter importer, object?[] row)
    {
        importer.StartRow();
        for (var i = 0; i < Columns.Count; i++)
        {
            if (row[i] is { } value)
            {
                importer.Write(Columns[i].ToProvider(value)!, Columns[i].StoreType);
            }
            else
            {
                importer.WriteNull();
            }
        }
    }

    /// <summary>A key the database numbers (Traces.Id): as the model's Npgsql strategy says, or an integer key generated on add.</summary>
    private static bool IsIdentity(IProperty property) =>
        NpgsqlPropertyExtensions.GetValueGenerationStrategy(property) is NpgsqlValueGenerationStrategy.IdentityByDefaultColumn or NpgsqlValueGenerationStrategy.IdentityAlwaysColumn or NpgsqlValueGenerationStrategy.SerialColumn
        || (property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && (property.ClrType == typeof(long) || property.ClrType == typeof(int)));

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
