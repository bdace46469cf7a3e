using Carnet.Terminology;
using Microsoft.Extensions.Localization;

namespace Carnet.Web.Portal.Pages.Documents;

/// <summary>The texts of the holder's document pages (DocumentTexts.texts → DocumentTexts.resx, DocumentTexts.en.resx).</summary>
public sealed class DocumentTexts
{
    /// <summary>The categories a holder may file an upload into, in the reference data's order.</summary>
    public static IReadOnlyList<DocumentCategory> HolderCategories { get; } =
        [.. CodeSets.DocumentTypes.Categories.Where(c => CodeSets.DocumentTypes.HolderTypeFor(c.Code) is not null)];

    /// <summary>The categories a person may filter on (those the app shows).</summary>
    public static IReadOnlyList<DocumentCategory> Categories { get; } = [.. CodeSets.DocumentTypes.Categories];

    /// <summary>Who deposited a document, with its establishment when known (EstablishmentNames): "Émilie ROBIN (Laboratoire Biolab)".</summary>
    public static string Depositor(Carnet.Documents.HealthDocument document, IReadOnlyDictionary<Guid, string> establishments) =>
        establishments.TryGetValue(document.Id, out var name) && name != document.DepositorName
            ? $"{document.DepositorName} ({name})"
            : document.DepositorName;

    /// <summary>A category in the page's language: our text when we have one, else the reference data's (French) label.</summary>
    public static string Category(IStringLocalizer<DocumentTexts> texts, string code)
    {
        var text = texts[$"Category.{code}"];
        if (!text.ResourceNotFound)
        {
            return text;
        }

        return CodeSets.DocumentTypes.TryGetCategory(code, out var category) && category.Display.Length > 0 ? category.Display : code;
    }

    /// <summary>A refusal in the page's language, saying what to do next.</summary>
    public static string Error(IStringLocalizer<DocumentTexts> texts, string code)
    {
        var text = texts[$"Error.{code}"];
        return text.ResourceNotFound ? texts["Error.other"] : text;
    }

    /// <summary>A format as a person names it.</summary>
    public static string Format(string contentType) => contentType switch
    {
        "application/pdf" => "PDF",
        "image/jpeg" => "JPEG",
        "image/png" => "PNG",
        "image/tiff" => "TIFF",
        "application/rtf" => "RTF",
        "text/plain" => "TXT",
        _ => contentType,
    };

    /// <summary>The file name extension of a format, for downloads.</summary>
    public static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/tiff" => ".tif",
        "application/rtf" => ".rtf",
        "text/plain" => ".txt",
        "text/xml" or "application/xml" => ".xml",
        _ => "",
    };
}
