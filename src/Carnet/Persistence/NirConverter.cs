using Carnet.Identifiers;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Carnet.Persistence;

/// <summary>Stores a NIR as its 15 normalised characters; reading re-validates it.</summary>
internal sealed class NirConverter() : ValueConverter<Nir, string>(v => v.Value, v => Nir.ParseAny(v));
