namespace Carnet.Records;

/// <summary>Where a notice letter goes when there is no e-mail address or it bounces.</summary>
public sealed record PostalAddress(string Line1, string? Line2, string PostalCode, string City, string Country);
