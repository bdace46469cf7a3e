namespace Carnet.Web.Portal.Pages.Pro;

/// <summary>The addresses of the professional's portal, in one place.</summary>
public static class ProLinks
{
    public const string Home = "/pro";

    public static string Record(Guid recordId, string section = "") =>
        section.Length == 0 ? $"/pro/dossiers/{recordId}" : $"/pro/dossiers/{recordId}/{section}";

    public static string Document(Guid recordId, Guid documentId) => Record(recordId, $"documents/{documentId}");

    public static string Content(Guid recordId, Guid documentId) => Record(recordId, $"documents/{documentId}/contenu");
}
