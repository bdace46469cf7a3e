namespace Carnet.Terminology;

/// <summary>A Mon espace santé category: code and the label the app shows (empty for the three it does not map).</summary>
public sealed record DocumentCategory(string Code, string Display);
