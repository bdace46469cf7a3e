using System.Buffers;
using System.Globalization;
using System.Text;
using System.Xml;
using Carnet.Identifiers;

namespace Carnet.Documents.Cda;

/// <summary>
/// Reads the header of an HL7 CDA R2 document in one forward pass and copies a level-1 body out of it,
/// in constant memory whatever the document's size (DOMAIN.md §4).
/// </summary>
public sealed class CdaReader
{
    public const string Hl7Namespace = "urn:hl7-org:v3";

    private const string EmbeddedPath = "component/nonXMLBody/text";

    // A header field (a title, a name) is short; a longer one is an error, not something to hold in memory.
    private const int MaxTextLength = 4096;

    private static readonly SearchValues<byte> EndOfName = SearchValues.Create(" \t\r\n/>["u8);

    private readonly XmlReader _xml;
    private readonly Stream? _embeddedContent;
    private readonly CancellationToken _ct;
    private readonly List<CdaIdentifier> _patientIds = [];
    private readonly List<CdaAuthor> _authors = [];

    // Text read from the XML, a chunk at a time (header fields, base64); a multiple of 4 characters decodes to whole bytes.
    private readonly char[] _chars = new char[16 * 1024];
    private CdaHeader _header = new();
    private bool _reachedRoot;

    private CdaReader(XmlReader xml, Stream? embeddedContent, CancellationToken ct)
    {
        _xml = xml;
        _embeddedContent = embeddedContent;
        _ct = ct;
    }

    /// <summary>
    /// Reads the header and, for a level-1 CDA, decodes the embedded document into
    /// <paramref name="embeddedContent"/> (skipped when null). Neither stream is closed.
    /// </summary>
    /// <exception cref="CdaFormatException">
    /// The XML is malformed or declares a DTD, the root is not an HL7 v3 ClinicalDocument, the patient has
    /// no INS, or the level-1 body is not base64 with a media type.
    /// </exception>
    public static async Task<CdaHeader> ReadAsync(Stream xml, Stream? embeddedContent, CancellationToken ct)
    {
        using var reader = XmlReader.Create(xml, new XmlReaderSettings
        {
            Async = true,
            // A DTD can declare entities that read files or URLs (XXE) or expand without end; a CDA needs none.
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        });
        var cda = new CdaReader(reader, embeddedContent, ct);
        try
        {
            return await cda.ReadDocumentAsync();
        }
        catch (XmlException e)
        {
            throw cda.NotWellFormed(e);
        }
    }

    /// <summary>
    /// A cheap check on the first bytes of a deposit (UTF-8): after an optional byte-order mark, the XML
    /// declaration, processing instructions, comments and white space, the root element (or the
    /// DOCTYPE's) is <c>ClinicalDocument</c>, with or without a prefix. False when the bytes end first.
    /// </summary>
    public static bool LooksLikeCda(ReadOnlySpan<byte> head)
    {
        var rest = head.StartsWith("\uFEFF"u8) ? head[3..] : head;
        while (true)
        {
            rest = rest.TrimStart(" \t\r\n"u8);
            if (rest.StartsWith("<?"u8) || rest.StartsWith("<!--"u8))
            {
                var close = rest[1] == (byte)'?' ? "?>"u8 : "-->"u8;
                var end = rest.IndexOf(close);
                if (end < 0)
                {
                    return false;
                }

                rest = rest[(end + close.Length)..];
            }
            else if (rest.StartsWith("<!DOCTYPE"u8))
            {
                // The DOCTYPE names the root; ReadAsync then refuses the DTD with its own message.
                return IsClinicalDocument(rest["<!DOCTYPE"u8.Length..].TrimStart(" \t\r\n"u8));
            }
            else
            {
                return rest.StartsWith("<"u8) && IsClinicalDocument(rest[1..]);
            }
        }
    }

    internal static CdaFormatException NoPatientIns() =>
        new($"The CDA has no recordTarget/patientRole/id with an INS root ({InsAuthority.InsNir.Oid()}): add the patient's INS.");

    private static bool IsClinicalDocument(ReadOnlySpan<byte> name)
    {
        var end = name.IndexOfAny(EndOfName);
        if (end < 0)
        {
            return false;
        }

        var qualified = name[..end];
        return qualified[(qualified.IndexOf((byte)':') + 1)..].SequenceEqual("ClinicalDocument"u8);
    }

    private static int RemoveWhitespace(Span<char> chars)
    {
        var kept = 0;
        foreach (var c in chars)
        {
            if (c is not (' ' or '\t' or '\r' or '\n'))
            {
                chars[kept++] = c;
            }
        }

        return kept;
    }

    private async Task<CdaHeader> ReadDocumentAsync()
    {
        await _xml.MoveToContentAsync();
        if (_xml.NodeType != XmlNodeType.Element || _xml.LocalName != "ClinicalDocument" || _xml.NamespaceURI != Hl7Namespace)
        {
            throw NotClinicalDocument();
        }

        _reachedRoot = true;
        await ForEachChildAsync(ReadDocumentChildAsync);

        // What follows the root must still be well-formed: a truncated or concatenated file is refused.
        while (await _xml.ReadAsync())
        {
            _ct.ThrowIfCancellationRequested();
        }

        RequirePatientIns();
        return _header with { PatientIds = _patientIds, Authors = _authors };
    }

    private async Task ReadDocumentChildAsync(string name)
    {
        switch (name)
        {
            case "id":
                _header = _header with { DocumentId = await ReadIdentifierAsync() };
                break;
            case "code":
                _header = _header with { Code = await ReadCodeAsync() };
                break;
            case "title":
                _header = _header with { Title = await ReadTextAsync("ClinicalDocument/title") };
                break;
            case "effectiveTime":
                _header = _header with { EffectiveTime = await ReadTimeAsync("ClinicalDocument/effectiveTime") };
                break;
            case "confidentialityCode":
                _header = _header with { ConfidentialityCode = await ReadCodeAsync() };
                break;
            case "setId":
                _header = _header with { SetId = await ReadIdentifierAsync() };
                break;
            case "versionNumber":
                _header = _header with { VersionNumber = await ReadVersionNumberAsync() };
                break;
            case "recordTarget":
                await ForEachChildAsync(Within("patientRole", ReadPatientRoleChildAsync));
                break;
            case "author":
                await ForEachChildAsync(child => child == "assignedAuthor" ? ReadAssignedAuthorAsync() : _xml.SkipAsync());
                break;
            case "custodian":
                await ForEachChildAsync(Within("assignedCustodian", Within("representedCustodianOrganization", ReadCustodianOrganizationChildAsync)));
                break;
            case "component":
                // The header comes first (CDA R2 schema order): refuse before copying a large body.
                RequirePatientIns();
                await ForEachChildAsync(ReadComponentChildAsync);
                break;
            default:
                await _xml.SkipAsync();
                break;
        }
    }

    private async Task ReadPatientRoleChildAsync(string name)
    {
        if (name != "id")
        {
            await _xml.SkipAsync();
        }
        else if (await ReadIdentifierAsync() is { } id)
        {
            _patientIds.Add(id);
        }
    }

    private async Task ReadAssignedAuthorAsync()
    {
        CdaIdentifier? id = null;
        CdaIdentifier? organizationId = null;
        string? organizationName = null;
        (string? Given, string? Family)? person = null;
        await ForEachChildAsync(async name =>
        {
            switch (name)
            {
                case "id" when id is null:
                    id = await ReadIdentifierAsync();
                    break;
                case "assignedPerson":
                    await ForEachChildAsync(async child =>
                    {
                        if (child == "name" && person is null)
                        {
                            person = await ReadPersonNameAsync();
                        }
                        else
                        {
                            await _xml.SkipAsync();
                        }
                    });
                    break;
                case "representedOrganization":
                    await ForEachChildAsync(async child =>
                    {
                        switch (child)
                        {
                            case "id" when organizationId is null:
                                organizationId = await ReadIdentifierAsync();
                                break;
                            case "name" when organizationName is null:
                                organizationName = await ReadTextAsync("author/assignedAuthor/representedOrganization/name");
                                break;
                            default:
                                await _xml.SkipAsync();
                                break;
                        }
                    });
                    break;
                default:
                    await _xml.SkipAsync();
                    break;
            }
        });
        _authors.Add(new CdaAuthor(id, person?.Given, person?.Family, organizationName, organizationId));
    }

    private async Task<(string? Given, string? Family)> ReadPersonNameAsync()
    {
        const string Path = "author/assignedAuthor/assignedPerson/name";
        var given = new List<string>();
        var family = new List<string>();
        await ForEachChildAsync(async part =>
        {
            var parts = part switch
            {
                "given" => given,
                "family" => family,
                _ => null,
            };
            if (parts is null)
            {
                await _xml.SkipAsync();
            }
            else if (await ReadTextAsync($"{Path}/{part}") is { } text)
            {
                parts.Add(text);
            }
        });
        return (given.Count == 0 ? null : string.Join(' ', given), family.Count == 0 ? null : string.Join(' ', family));
    }

    private async Task ReadCustodianOrganizationChildAsync(string name)
    {
        if (name == "id" && _header.CustodianOrganizationId is null)
        {
            _header = _header with { CustodianOrganizationId = await ReadIdentifierAsync() };
        }
        else
        {
            await _xml.SkipAsync();
        }
    }

    private async Task ReadComponentChildAsync(string name)
    {
        switch (name)
        {
            case "nonXMLBody":
                _header = _header with { Body = CdaBody.Level1NonXml };
                await ForEachChildAsync(child => child == "text" ? ReadEmbeddedAsync() : _xml.SkipAsync());
                if (_header.EmbeddedMediaType is null)
                {
                    throw new CdaFormatException("component/nonXMLBody has no text element: put the document, base64-encoded, in nonXMLBody/text.");
                }

                break;
            case "structuredBody":
                _header = _header with { Body = CdaBody.Structured };
                await _xml.SkipAsync();
                break;
            default:
                await _xml.SkipAsync();
                break;
        }
    }

    private async Task ReadEmbeddedAsync()
    {
        if (_header.EmbeddedMediaType is not null)
        {
            throw new CdaFormatException($"component/nonXMLBody has two text elements{Where()}: a level-1 CDA carries one document.");
        }

        var representation = Attribute("representation");
        if (representation != "B64")
        {
            var given = representation is null ? "has no representation (HL7's default is TXT)" : $"has representation=\"{representation}\"";
            throw new CdaFormatException($"{EmbeddedPath}{Where()} {given}: the embedded document must be base64-encoded, with representation=\"B64\".");
        }

        var mediaType = Attribute("mediaType")
            ?? throw new CdaFormatException($"{EmbeddedPath}{Where()} has no mediaType: say what the embedded document is, for example mediaType=\"application/pdf\".");
        if (Attribute("compression") is { } compression)
        {
            throw new CdaFormatException($"{EmbeddedPath}{Where()} is compressed (compression=\"{compression}\"): send the document uncompressed.");
        }

        _header = _header with { EmbeddedMediaType = mediaType };
        if (_embeddedContent is null)
        {
            await _xml.SkipAsync();
            return;
        }

        _header = _header with { EmbeddedBytes = await CopyBase64Async(_embeddedContent) };
    }

    /// <summary>
    /// Decodes the text of the current element as base64 into <paramref name="target"/>, chunk by chunk.
    /// Strict, unlike XmlReader's own base64 reading, which drops an incomplete last group in silence: a
    /// document cut short must be refused, not stored truncated (RFC 4648 §3.3).
    /// </summary>
    private async Task<long> CopyBase64Async(Stream target)
    {
        var where = Where();
        var bytes = new byte[_chars.Length / 4 * 3];
        var pending = 0;
        var padded = false;
        long written = 0;
        await ForEachChildAsync(
            child => throw new CdaFormatException($"{EmbeddedPath}{where} must hold only the base64 document; it contains a <{child}> element."),
            async () =>
            {
                int read;
                while ((read = await _xml.ReadValueChunkAsync(_chars, pending, _chars.Length - pending)) > 0)
                {
                    var length = pending + RemoveWhitespace(_chars.AsSpan(pending, read));
                    var whole = length - (length % 4);
                    if (whole > 0)
                    {
                        // '=' ends the data: once a group was padded, nothing may follow it.
                        if (padded || !Convert.TryFromBase64Chars(_chars.AsSpan(0, whole), bytes, out var decoded))
                        {
                            throw new CdaFormatException($"{EmbeddedPath}{where} is not valid base64: only A-Z, a-z, 0-9, '+' and '/' are allowed, and '=' only as padding at the very end.");
                        }

                        padded = _chars[whole - 1] == '=';
                        await target.WriteAsync(bytes.AsMemory(0, decoded), _ct);
                        written += decoded;
                    }

                    _chars.AsSpan(whole, length - whole).CopyTo(_chars);
                    pending = length - whole;
                }

                await _xml.ReadAsync();
            });

        if (pending > 0)
        {
            throw new CdaFormatException(string.Create(CultureInfo.InvariantCulture, $"{EmbeddedPath}{where} is not valid base64: it ends with an incomplete group of {pending} character(s), so the document was probably cut short. Send it whole."));
        }

        return written > 0
            ? written
            : throw new CdaFormatException($"{EmbeddedPath}{where} is empty: put the document in it, base64-encoded.");
    }

    /// <summary>
    /// Visits the child elements of the current element that are in the HL7 namespace (others, such as
    /// CI-SIS extensions, are skipped), and its text when <paramref name="visitText"/> is given. Each
    /// visitor consumes what it visits; the reader ends after the current element.
    /// </summary>
    private async Task ForEachChildAsync(Func<string, Task> visitElement, Func<Task>? visitText = null)
    {
        if (_xml.IsEmptyElement)
        {
            await _xml.ReadAsync();
            return;
        }

        var depth = _xml.Depth;
        await _xml.ReadAsync();
        while (_xml.Depth > depth && !_xml.EOF)
        {
            _ct.ThrowIfCancellationRequested();
            if (_xml.NodeType == XmlNodeType.Element)
            {
                await (_xml.NamespaceURI == Hl7Namespace ? visitElement(_xml.LocalName) : _xml.SkipAsync());
            }
            else if (visitText is not null && _xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
            {
                await visitText();
            }
            else
            {
                await _xml.ReadAsync();
            }
        }

        await _xml.ReadAsync();
    }

    private Func<string, Task> Within(string element, Func<string, Task> visit) =>
        name => name == element ? ForEachChildAsync(visit) : _xml.SkipAsync();

    private async Task<CdaIdentifier?> ReadIdentifierAsync()
    {
        var root = Attribute("root");
        var extension = Attribute("extension");
        await _xml.SkipAsync();
        return root is null ? null : new CdaIdentifier(root, extension);
    }

    private async Task<CdaCode?> ReadCodeAsync()
    {
        var code = Attribute("code");
        var codeSystem = Attribute("codeSystem");
        var displayName = Attribute("displayName");
        await _xml.SkipAsync();
        return code is null ? null : new CdaCode(code, codeSystem, displayName);
    }

    private async Task<DateTimeOffset?> ReadTimeAsync(string path)
    {
        var value = Attribute("value");
        var where = Where();
        await _xml.SkipAsync();
        if (value is null)
        {
            return null;
        }

        return Hl7Time.TryParse(value, out var time)
            ? time
            : throw new CdaFormatException($"{path}{where} value=\"{value}\" is not an HL7 date-time ({Hl7Time.Pattern}), for example 20241105143000+0100.");
    }

    private async Task<int?> ReadVersionNumberAsync()
    {
        var value = Attribute("value");
        var where = Where();
        await _xml.SkipAsync();
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new CdaFormatException($"ClinicalDocument/versionNumber{where} value=\"{value}\" is not a whole number: write the version as 1, 2, 3…");
    }

    private async Task<string?> ReadTextAsync(string path)
    {
        var text = new StringBuilder();
        await ForEachChildAsync(
            _ => _xml.SkipAsync(),
            async () =>
            {
                int read;
                while ((read = await _xml.ReadValueChunkAsync(_chars, 0, _chars.Length)) > 0)
                {
                    if (text.Length + read > MaxTextLength)
                    {
                        throw new CdaFormatException(string.Create(CultureInfo.InvariantCulture, $"{path}{Where()} is longer than {MaxTextLength} characters: a header field must be short."));
                    }

                    text.Append(_chars, 0, read);
                }

                await _xml.ReadAsync();
            });
        var trimmed = text.ToString().Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    private string? Attribute(string name) => _xml.GetAttribute(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private string Where() => _xml is IXmlLineInfo info && info.HasLineInfo()
        ? string.Create(CultureInfo.InvariantCulture, $" (line {info.LineNumber})")
        : "";

    private void RequirePatientIns()
    {
        if (!_patientIds.Exists(CdaHeader.IsIns))
        {
            throw NoPatientIns();
        }
    }

    private CdaFormatException NotClinicalDocument()
    {
        if (_xml.NodeType != XmlNodeType.Element)
        {
            return new CdaFormatException("The document has no root element: it is not an HL7 CDA R2 document.");
        }

        var where = _xml.NamespaceURI.Length == 0 ? "in no namespace" : $"in the namespace \"{_xml.NamespaceURI}\"";
        return _xml.LocalName == "ClinicalDocument"
            ? new CdaFormatException($"The root element ClinicalDocument is {where}, not in HL7 v3's: declare xmlns=\"{Hl7Namespace}\".")
            : new CdaFormatException($"The root element is <{_xml.Name}>, not ClinicalDocument in the namespace {Hl7Namespace}: this is not an HL7 CDA R2 document.");
    }

    private CdaFormatException NotWellFormed(XmlException e)
    {
        // XmlReader reports a prohibited DTD with advice to enable DTD processing; the sender needs the opposite.
        if (!_reachedRoot && e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            return new CdaFormatException("The CDA declares a DTD (<!DOCTYPE …>), which is refused: its entities could read files or exhaust memory (XXE). Remove the DOCTYPE; a CDA R2 document needs none.", e);
        }

        return new CdaFormatException($"The CDA is not well-formed XML: {e.Message} Check that the whole document was sent and that its text escapes '&' and '<'.", e);
    }
}
