namespace Carnet.Terminology;

/// <summary>One code of a national code set, with its French display and whether it is still active.</summary>
public sealed record Code(string Value, string Display, bool Active);
