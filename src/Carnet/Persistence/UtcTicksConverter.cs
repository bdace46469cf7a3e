using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Carnet.Persistence;

/// <summary>
/// SQLite has no date type and cannot order or compare DateTimeOffset text reliably (TOOLCHAIN.md):
/// store UTC ticks as an integer. All times in Carnet are UTC.
/// </summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
