namespace Carnet.Web.Portal.Shared;

/// <summary>The addresses of a record's pages in the portal, in one place.</summary>
public static class RecordLinks
{
    public static string Section(Guid recordId, string section = "") =>
        section.Length == 0 ? $"/espace/{recordId}" : $"/espace/{recordId}/{section}";
}
