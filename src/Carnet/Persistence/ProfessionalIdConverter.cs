using Carnet.Identifiers;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Carnet.Persistence;

/// <summary>Stores an idNat_PS.</summary>
internal sealed class ProfessionalIdConverter() : ValueConverter<ProfessionalId, string>(v => v.Value, v => ProfessionalId.Parse(v, "idNat_PS"));
