using System.ComponentModel.DataAnnotations;

namespace Carnet.Access;

/// <summary>Settings of the access policy (section <c>Carnet:Access</c>).</summary>
public sealed class AccessOptions
{
    public const string Section = "Carnet:Access";

    /// <summary>How long an emergency access lasts before it must be opened again (beyond the real service; 5 days as in Australia).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan EmergencyAccessLifetime { get; set; } = TimeSpan.FromDays(5);

    /// <summary>How long a secret connection with a minor lasts unless closed (a consultation day).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "2.00:00:00")]
    public TimeSpan SecretConnectionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// A CSV in the shape of the shipped access matrix (profession_code, profession_label, typeCode, allowed,
    /// confidence…) to use instead of it, e.g. the official grid once loaded; empty: the shipped one.
    /// </summary>
    public string? MatrixFile { get; set; }
}
