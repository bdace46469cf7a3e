namespace Carnet.Terminology;

/// <summary>A JDV_J66 type: code, French display, system URL, TRE_A03 class, Mon espace santé category.</summary>
public sealed record DocumentType(string Code, string Display, string System, string ClassCode, string Category);
