using Carnet.Identifiers;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Carnet.Persistence;

/// <summary>Stores a Vitale serial as its digits.</summary>
internal sealed class VitaleSerialConverter() : ValueConverter<VitaleSerial, string>(v => v.Value, v => VitaleSerial.Parse(v, "vitaleSerial"));
