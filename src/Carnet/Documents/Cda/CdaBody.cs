namespace Carnet.Documents.Cda;

/// <summary>What <c>ClinicalDocument/component</c> holds.</summary>
public enum CdaBody
{
    /// <summary>No component: a header alone.</summary>
    None,

    /// <summary>A level-1 CDA: <c>nonXMLBody/text</c> wraps a document (typically a PDF) in base64.</summary>
    Level1NonXml,

    /// <summary>A <c>structuredBody</c> (levels 2 and 3): sections, narrative and entries.</summary>
    Structured,
}
