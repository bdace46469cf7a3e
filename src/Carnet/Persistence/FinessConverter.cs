using Carnet.Identifiers;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Carnet.Persistence;

/// <summary>Stores a FINESS number.</summary>
internal sealed class FinessConverter() : ValueConverter<Finess, string>(v => v.Value, v => Finess.Parse(v, "finess"));
