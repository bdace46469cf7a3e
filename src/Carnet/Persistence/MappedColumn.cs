using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Carnet.Persistence;

/// <summary>
/// One column of an entity type's table as the EF Core model maps it, owned values included: what the bulk writers
/// (<see cref="BulkInsert"/>, the bench's scale seeder) read, so the model stays the one description of the schema.
/// </summary>
/// <param name="Name">The column's name.</param>
/// <param name="StoreType">The column's type without modifiers (<c>character varying</c>, not <c>character varying(16)</c>).</param>
/// <param name="Property">The property's path: <c>Name</c>, or <c>Navigation.Name</c> for an owned value.</param>
/// <param name="Model">The model's property.</param>
/// <param name="Read">The property's CLR value in an entity (null when its owned value is null).</param>
/// <param name="Converter">The model's value converter, if any.</param>
public sealed record MappedColumn(string Name, string StoreType, string Property, IProperty Model, Func<object, object?> Read, ValueConverter? Converter)
{
    /// <summary>A CLR value as the database stores it (enums by name, NIR as text…).</summary>
    public object? ToProvider(object? value) => value is null || Converter is null ? value : Converter.ConvertToProvider(value);

    /// <summary>The columns of <paramref name="type"/>'s table, in the model's order; shadow properties are refused (a bulk writer reads values from the entity).</summary>
    public static IReadOnlyList<MappedColumn> Of(IEntityType type)
    {
        var store = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = new List<MappedColumn>();
        Collect(type, "", entity => entity, store, columns);
        return columns;
    }

    private static void Collect(IEntityType type, string prefix, Func<object, object?> owner, StoreObjectIdentifier store, List<MappedColumn> columns)
    {
        foreach (var property in type.GetProperties())
        {
            var column = property.GetColumnName(store)!;
            if (columns.Exists(c => c.Name == column))
            {
                continue;
            }

            if (property.IsShadowProperty())
            {
                throw new NotSupportedException($"{type.DisplayName()}.{property.Name} is a shadow property: bulk writes read values from the entity.");
            }

            var getter = property.GetGetter();
            var storeType = property.GetColumnType(store);
            var parenthesis = storeType.IndexOf('(', StringComparison.Ordinal);
            columns.Add(new MappedColumn(
                column,
                parenthesis < 0 ? storeType : storeType[..parenthesis],
                prefix + property.Name,
                property,
                entity => owner(entity) is { } target ? getter.GetClrValue(target) : null,
                property.GetTypeMapping().Converter));
        }

        foreach (var navigation in type.GetNavigations().Where(n => n.ForeignKey.IsOwnership && n.DeclaringEntityType == type && !n.IsCollection))
        {
            var getter = navigation.GetGetter();
            Collect(navigation.TargetEntityType, prefix + navigation.Name + ".", entity => owner(entity) is { } o ? getter.GetClrValue(o) : null, store, columns);
        }
    }
}
