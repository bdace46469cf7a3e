using System.Text.Json;
using Carnet.Documents;
using Carnet.Identifiers;
using Carnet.SignIn;
using Carnet.Terminology;

namespace Carnet.Fhir;

/// <summary>
/// Reads an IHE MHD ITI-65 "Provide Document Bundle" (a FHIR transaction Bundle: one SubmissionSet
/// List, DocumentReferences, and their Binaries inline or posted before) into a deposit. Every
/// refusal names the element at fault and what to send instead.
/// </summary>
public static class ProvideDocumentBundle
{
    /// <summary>IHE's generic format code (ITI TF-3 §4.2.3.2.13, "the MIME type is sufficient"), which MHD clients send for plain PDFs; JDV_J60 does not list it.</summary>
    public const string MimeTypeSufficient = "urn:ihe:iti:xds:2017:mimeTypeSufficient";

    /// <summary>The deposit read from the bundle, the patient it names, and the bundle's entries in order (for the answer).</summary>
    public sealed record Parsed(Ins Patient, IReadOnlyList<DepositDocuments.Item> Items, string? SubmissionSetId, IReadOnlyList<Entry> Entries);

    /// <summary>One entry of the request: its resource type, and for a DocumentReference or Binary, the item it belongs to.</summary>
    public sealed record Entry(string ResourceType, int? Item);

    public static Parsed Read(JsonElement bundle, Caller caller, bool allowTestAuthorities)
    {
        if (bundle.ValueKind != JsonValueKind.Object || Text(bundle, "resourceType") != "Bundle")
        {
            throw new FhirRequestException("The body must be a FHIR Bundle (resourceType 'Bundle') of type 'transaction': IHE MHD ITI-65.");
        }

        if (Text(bundle, "type") != "transaction")
        {
            throw new FhirRequestException($"Bundle.type must be 'transaction' (ITI-65), not '{Text(bundle, "type")}'.");
        }

        if (!bundle.TryGetProperty("entry", out var entryArray) || entryArray.ValueKind != JsonValueKind.Array)
        {
            throw new FhirRequestException("Bundle.entry is missing: add the SubmissionSet List, the DocumentReference(s) and their Binary.");
        }

        var entries = entryArray.EnumerateArray().ToList();
        var binaries = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        JsonElement? list = null;
        var references = new List<JsonElement>();
        var order = new List<(string Type, JsonElement Resource, string? FullUrl)>();
        foreach (var entry in entries)
        {
            if (!entry.TryGetProperty("resource", out var resource))
            {
                throw new FhirRequestException("Every Bundle.entry needs a resource.");
            }

            var type = Text(resource, "resourceType") ?? "";
            var fullUrl = Text(entry, "fullUrl");
            order.Add((type, resource, fullUrl));
            switch (type)
            {
                case "List":
                    list = list is null ? resource : throw new FhirRequestException("The bundle holds two List resources: send one SubmissionSet per transaction.");
                    break;
                case "DocumentReference":
                    references.Add(resource);
                    break;
                case "Binary":
                    binaries[fullUrl ?? throw new FhirRequestException("A Binary entry needs a fullUrl (urn:uuid:…) for its DocumentReference's attachment.url to name it.")] = resource;
                    break;
                case "Patient":
                    break;
                default:
                    throw new FhirRequestException($"ITI-65 carries List, DocumentReference, Binary (and optionally Patient) resources; '{type}' is not accepted.");
            }
        }

        if (list is null)
        {
            throw new FhirRequestException("The SubmissionSet List is missing: add a List with code 'submissionset' and the patient as subject (IHE MHD).");
        }

        if (references.Count == 0)
        {
            throw new FhirRequestException("The bundle holds no DocumentReference: add one per document.");
        }

        var patient = Patient(list.Value, "List.subject", allowTestAuthorities);
        var items = new List<DepositDocuments.Item>();
        foreach (var reference in references)
        {
            var subject = Patient(reference, "DocumentReference.subject", allowTestAuthorities);
            if (subject != patient)
            {
                throw new FhirRequestException("A DocumentReference names another patient than the SubmissionSet: every document of a deposit belongs to the List's subject.");
            }

            items.Add(Item(reference, binaries, caller));
        }

        var itemIndex = 0;
        var binaryIndex = references.Select(r => AttachmentUrl(r)).ToList();
        var answer = order.Select(o => o.Type switch
        {
            "DocumentReference" => new Entry(o.Type, itemIndex++),
            "Binary" => new Entry(o.Type, binaryIndex.IndexOf(o.FullUrl) is var i and >= 0 ? i : null),
            _ => new Entry(o.Type, null),
        }).ToList();
        var submissionSetId = list.Value.TryGetProperty("identifier", out var ids) && ids.ValueKind == JsonValueKind.Array
            ? ids.EnumerateArray().Select(i => Text(i, "value")).FirstOrDefault(v => v is not null)
            : null;
        return new Parsed(patient, items, submissionSetId, answer);
    }

    private static DepositDocuments.Item Item(JsonElement reference, Dictionary<string, JsonElement> binaries, Caller caller)
    {
        var masterIdentifier = reference.TryGetProperty("masterIdentifier", out var master) ? Text(master, "value") : null;
        if (string.IsNullOrWhiteSpace(masterIdentifier) || masterIdentifier.Length > 256)
        {
            throw new FhirRequestException("DocumentReference.masterIdentifier.value is required (the document's unique id, e.g. urn:oid:1.2.250.1.…): it is how a retry is recognised.");
        }

        if (Text(reference, "status") is { } status && status != "current")
        {
            throw new FhirRequestException($"DocumentReference.status must be 'current' in a deposit, not '{status}'. To replace a document, add relatesTo with code 'replaces'.");
        }

        var types = CodeSets.DocumentTypes;
        var typeCode = Codes(reference, "type").FirstOrDefault(c => types.TryGet(c.Code, out _)).Code;
        if (!types.TryGet(typeCode, out var type))
        {
            throw new FhirRequestException($"DocumentReference.type of '{masterIdentifier}' must hold a code of JDV_J66 TypeCode DMP (for example http://loinc.org|11502-2 for a laboratory report).");
        }

        var classCode = type.ClassCode;
        foreach (var (_, code) in CategoryCodes(reference))
        {
            if (code is not null && !CodeSets.Classes.TryGet(code, out _))
            {
                throw new FhirRequestException($"DocumentReference.category '{code}' is not a class of JDV_J57 ClassCode DMP (for example 10 'Compte rendu').");
            }

            classCode = code ?? classCode;
        }

        if (!reference.TryGetProperty("content", out var contents) || contents.ValueKind != JsonValueKind.Array || contents.GetArrayLength() == 0 || !contents[0].TryGetProperty("attachment", out var attachment))
        {
            throw new FhirRequestException($"DocumentReference.content[0].attachment of '{masterIdentifier}' is missing: give its contentType and url (the Binary).");
        }

        var contentType = Text(attachment, "contentType");
        if (string.IsNullOrWhiteSpace(contentType) || contentType.Length > 128)
        {
            throw new FhirRequestException($"DocumentReference.content[0].attachment.contentType of '{masterIdentifier}' is required (e.g. application/pdf).");
        }

        var format = contents[0].TryGetProperty("format", out var formatCoding) ? Text(formatCoding, "code") : null;
        if (format is not null && format != MimeTypeSufficient && !CodeSets.Formats.TryGet(format, out _))
        {
            throw new FhirRequestException($"DocumentReference.content[0].format '{format}' is not a code of JDV_J60 FormatCode DMP (for example urn:ihe:lab:xd-lab:2008), nor {MimeTypeSufficient}.");
        }

        var title = Text(attachment, "title") ?? Text(reference, "description") ?? type.Display;
        var confidentiality = Documents.Confidentiality.FromCodes(Codes(reference, "securityLabel").Select(c => c.Code).OfType<string>());
        var (authorId, authorName, finess) = Authors(reference, caller);
        var content = Content(attachment, binaries, masterIdentifier);
        var replaces = Replaces(reference);
        var sha1 = Text(attachment, "hash") is { } hash ? Base64(hash, "attachment.hash") : null;
        long? size = attachment.TryGetProperty("size", out var sizeElement) && sizeElement.TryGetInt64(out var declared) ? declared : null;
        var metadata = new DocumentMetadata(masterIdentifier, Titles.Check(title), type.Category, type.Code, type.System, classCode, format, contentType, Date(attachment, "creation") ?? Date(reference, "date"), authorId, authorName, finess, confidentiality);
        return new DepositDocuments.Item(metadata, content, replaces, sha1, size);
    }

    private static DocumentContent Content(JsonElement attachment, Dictionary<string, JsonElement> binaries, string masterIdentifier)
    {
        if (Text(attachment, "data") is { } data)
        {
            return new DocumentContent.Streamed(new MemoryStream(Base64(data, "attachment.data"), writable: false));
        }

        var url = Text(attachment, "url") ?? throw new FhirRequestException($"DocumentReference.content[0].attachment.url of '{masterIdentifier}' is required: the fullUrl of a Binary in the bundle, or Binary/<id> posted before.");
        if (binaries.TryGetValue(url, out var binary))
        {
            var bytes = Text(binary, "data") ?? throw new FhirRequestException($"The Binary {url} has no data: put the content in Binary.data (base64), or post it raw to /fhir/r4/Binary first.");
            return new DocumentContent.Streamed(new MemoryStream(Base64(bytes, "Binary.data"), writable: false));
        }

        var slash = url.LastIndexOf("Binary/", StringComparison.Ordinal);
        return slash >= 0 && Guid.TryParse(url[(slash + "Binary/".Length)..], out var staged)
            ? new DocumentContent.Staged(staged)
            : throw new FhirRequestException($"attachment.url '{url}' of '{masterIdentifier}' names no Binary of this bundle (by fullUrl) nor Binary/<id> posted before.");
    }

    private static Guid? Replaces(JsonElement reference)
    {
        if (!reference.TryGetProperty("relatesTo", out var relations) || relations.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var relation in relations.EnumerateArray())
        {
            if (Text(relation, "code") != "replaces")
            {
                throw new FhirRequestException($"relatesTo.code '{Text(relation, "code")}' is not supported: only 'replaces' (a new version) is.");
            }

            var target = relation.TryGetProperty("target", out var t) ? Text(t, "reference") : null;
            var slash = target?.LastIndexOf("DocumentReference/", StringComparison.Ordinal) ?? -1;
            return slash >= 0 && Guid.TryParse(target![(slash + "DocumentReference/".Length)..], out var id)
                ? id
                : throw new FhirRequestException("relatesTo.target.reference must be DocumentReference/<id> of the version being replaced.");
        }

        return null;
    }

    private static (string? Id, string? Name, string? Finess) Authors(JsonElement reference, Caller caller)
    {
        string? id = null, name = null, finess = null;
        if (reference.TryGetProperty("author", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            foreach (var author in authors.EnumerateArray())
            {
                var identifier = author.TryGetProperty("identifier", out var i) ? i : default;
                var system = identifier.ValueKind == JsonValueKind.Object ? Text(identifier, "system") : null;
                var value = identifier.ValueKind == JsonValueKind.Object ? Text(identifier, "value") : null;
                if (system == DocumentReferenceResource.PractitionerSystem && value is not null)
                {
                    id = ProfessionalId.Parse(value, "DocumentReference.author.identifier").Value;
                    name = Text(author, "display");
                }
                else if (system == DocumentReferenceResource.OrganisationSystem && value is not null)
                {
                    finess = Finess.Parse(value, "DocumentReference.author.identifier").Value;
                }
            }
        }

        // The acting professional is the author when the document names none.
        return (id ?? caller.Professional?.IdNatPs, name ?? (id is null ? caller.Professional?.DisplayName : null), finess ?? caller.Finess);
    }

    private static Ins Patient(JsonElement resource, string element, bool allowTestAuthorities)
    {
        if (!resource.TryGetProperty("subject", out var subject))
        {
            throw new FhirRequestException($"{element} is missing: name the patient by INS, {{\"identifier\": {{\"system\": \"urn:oid:1.2.250.1.213.1.4.8\", \"value\": \"<NIR>\"}}}}.");
        }

        if (subject.TryGetProperty("identifier", out var identifier))
        {
            return Ins.Parse(Text(identifier, "system"), Text(identifier, "value"), allowTestAuthorities, element + ".identifier");
        }

        const string Conditional = "Patient?identifier=";
        return Text(subject, "reference") is { } r && r.StartsWith(Conditional, StringComparison.Ordinal)
            ? Ins.ParseToken(Uri.UnescapeDataString(r[Conditional.Length..]), allowTestAuthorities, element + ".reference")
            : throw new FhirRequestException($"{element} must name the patient by INS: subject.identifier (system urn:oid:1.2.250.1.213.1.4.8, value the NIR) or reference Patient?identifier=<system>|<NIR>.");
    }

    private static IEnumerable<(string? System, string? Code)> Codes(JsonElement resource, string property)
    {
        if (!resource.TryGetProperty(property, out var value))
        {
            yield break;
        }

        var concepts = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        foreach (var concept in concepts)
        {
            if (concept.TryGetProperty("coding", out var codings) && codings.ValueKind == JsonValueKind.Array)
            {
                foreach (var coding in codings.EnumerateArray())
                {
                    yield return (Text(coding, "system"), Text(coding, "code"));
                }
            }
        }
    }

    private static IEnumerable<(string? System, string? Code)> CategoryCodes(JsonElement reference) =>
        Codes(reference, "category").Where(c => c.System is null || c.System == CodeSets.Classes.System || c.System.EndsWith("1.2.250.1.213.1.1.4.1", StringComparison.Ordinal));

    private static string? AttachmentUrl(JsonElement reference) =>
        reference.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.Array && c.GetArrayLength() > 0 && c[0].TryGetProperty("attachment", out var a) ? Text(a, "url") : null;

    private static DateTimeOffset? Date(JsonElement element, string property) =>
        Text(element, property) is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at.ToUniversalTime() : null;

    private static byte[] Base64(string text, string element)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new FhirRequestException($"{element} is not valid base64.");
        }
    }

    internal static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
