using System.Text.Json.Nodes;
using Carnet.Documents;
using Carnet.Identifiers;
using Carnet.Terminology;

namespace Carnet.Fhir;

/// <summary>A document as an IHE MHD DocumentReference (FHIR R4), the patient named by INS, the content by an absolute Binary URL.</summary>
public static class DocumentReferenceResource
{
    public const string UriSystem = "urn:ietf:rfc:3986";
    public const string PractitionerSystem = "urn:oid:1.2.250.1.71.4.2.1";
    public const string OrganisationSystem = "urn:oid:1.2.250.1.71.4.2.2";

    public static JsonObject Of(HealthDocument d, Ins patient, string baseUrl)
    {
        var types = CodeSets.DocumentTypes;
        var resource = new JsonObject
        {
            ["resourceType"] = "DocumentReference",
            ["id"] = d.Id.ToString(),
            ["meta"] = new JsonObject { ["lastUpdated"] = FhirJson.Instant(d.UpdatedAt) },
            ["masterIdentifier"] = d.MasterIdentifier.StartsWith("urn:", StringComparison.Ordinal)
                ? new JsonObject { ["system"] = UriSystem, ["value"] = d.MasterIdentifier }
                : new JsonObject { ["value"] = d.MasterIdentifier },
            ["identifier"] = new JsonArray(new JsonObject { ["use"] = "official", ["system"] = UriSystem, ["value"] = "urn:uuid:" + d.Id }),
            ["status"] = d.Status switch
            {
                DocumentStatus.Current => "current",
                DocumentStatus.Superseded => "superseded",
                _ => "entered-in-error",
            },
            ["type"] = FhirJson.Concept(d.TypeSystem, d.TypeCode, types.TryGet(d.TypeCode, out var type) ? type.Display : null),
            ["category"] = new JsonArray(FhirJson.Concept(CodeSets.Classes.System, d.ClassCode, CodeSets.Classes.TryGet(d.ClassCode, out var klass) ? klass.Display : null)),
            ["subject"] = new JsonObject { ["identifier"] = new JsonObject { ["system"] = patient.System, ["value"] = patient.Nir.Value } },
            ["date"] = FhirJson.Instant(d.DepositedAt),
        };

        var authors = new JsonArray();
        if (d.AuthorId is not null)
        {
            var practitioner = new JsonObject { ["identifier"] = new JsonObject { ["system"] = PractitionerSystem, ["value"] = d.AuthorId } };
            if (d.AuthorName is not null)
            {
                // FHIR JSON has no nulls: an author named by identifier only has no display.
                practitioner["display"] = d.AuthorName;
            }

            authors.Add(practitioner);
        }

        if (d.AuthorFiness is not null)
        {
            authors.Add(new JsonObject { ["identifier"] = new JsonObject { ["system"] = OrganisationSystem, ["value"] = d.AuthorFiness } });
        }

        if (authors.Count > 0)
        {
            resource["author"] = authors;
        }

        if (d.ReplacesId is { } replaced)
        {
            resource["relatesTo"] = new JsonArray(new JsonObject { ["code"] = "replaces", ["target"] = new JsonObject { ["reference"] = "DocumentReference/" + replaced } });
        }

        resource["description"] = d.Title;
        resource["securityLabel"] = new JsonArray(d.Confidentiality.Codes()
            .Select(c => (JsonNode)FhirJson.Concept(c == Confidentiality.Normal ? Confidentiality.NormalSystem : CodeSets.Confidentiality.System, c))
            .ToArray());

        var attachment = new JsonObject
        {
            ["contentType"] = d.ContentType,
            ["url"] = $"{baseUrl}/Binary/{d.ContentId}",
            ["hash"] = Convert.ToBase64String(d.Sha1),
            ["title"] = d.Title,
        };
        if (d.Size <= int.MaxValue)
        {
            attachment["size"] = d.Size;
        }

        if (d.ClinicalDate is { } created)
        {
            attachment["creation"] = FhirJson.Instant(created);
        }

        var content = new JsonObject { ["attachment"] = attachment };
        if (d.FormatCode is { } format)
        {
            // JDV_J60 mixes several code systems and the depositor's system is not kept: the code alone is unambiguous there.
            content["format"] = new JsonObject { ["code"] = format };
        }

        var contents = new JsonArray(content);
        if (d.RenditionBlobKey is not null && d.RenditionContentType is not null)
        {
            var embedded = new JsonObject { ["contentType"] = d.RenditionContentType, ["url"] = $"{baseUrl}/Binary/{d.ContentId}?embedded=true", ["title"] = d.Title };
            if (d.RenditionSize is { } size and <= int.MaxValue)
            {
                embedded["size"] = size;
            }

            contents.Add(new JsonObject { ["attachment"] = embedded });
        }

        resource["content"] = contents;
        return resource;
    }
}
