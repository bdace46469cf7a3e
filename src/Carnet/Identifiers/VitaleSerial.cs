using System.Diagnostics.CodeAnalysis;

namespace Carnet.Identifiers;

/// <summary>
/// The serial number of a Vitale card: the last 11 digits on cards with a photo, 8 to 13 digits on
/// older cards (DOMAIN.md §2). A secret-ish proof of possession: never log it.
/// </summary>
public sealed class VitaleSerial : IEquatable<VitaleSerial>
{
    private VitaleSerial(string value) => Value = value;

    public string Value { get; }

    public static VitaleSerial Parse(string? value, string field = "vitaleSerial") =>
        TryParse(value, field, out var serial, out var error) ? serial : throw error;

    public static bool TryParse(string? value, string field, [NotNullWhen(true)] out VitaleSerial? serial, [NotNullWhen(false)] out IdentifierException? error)
    {
        serial = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            error = new IdentifierException(field, "is required: enter the serial number printed on the Vitale card (the last 11 digits on cards with a photo).");
            return false;
        }

        var compact = Normalize.Compact(value);
        if (compact.Length is < 8 or > 13 || !Normalize.AllDigits(compact))
        {
            error = new IdentifierException(field, "must be 8 to 13 digits: on cards with a photo, enter the last 11 digits of the serial number.");
            return false;
        }

        serial = new VitaleSerial(compact);
        error = null;
        return true;
    }

    public bool Equals(VitaleSerial? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is VitaleSerial other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => "Vitale ********" + Value[^2..];
}
