using System.Text.Json.Nodes;
using Carnet.Audit;
using Carnet.Identifiers;

namespace Carnet.Fhir;

/// <summary>
/// A trace as a FHIR R4 AuditEvent (in the spirit of IHE BasicAudit): a RESTful operation on the
/// patient's record, its CRUDE action, the acting agent (requestor) with the emergency mode as
/// purposeOfUse, Carnet as source, the patient and the document touched as entities.
/// </summary>
public static class AuditEventResource
{
    public const string ActorKindSystem = "urn:carnet:actor-kind";
    public const string ActorGroupSystem = "urn:carnet:actor-group";
    public const string TraceActionSystem = "urn:carnet:trace-action";
    private const string ActReasonSystem = "http://terminology.hl7.org/CodeSystem/v3-ActReason";

    public static JsonObject Of(ShowAccessHistory.Entry trace, Ins patient)
    {
        var agent = new JsonObject
        {
            ["type"] = new JsonObject
            {
                ["coding"] = new JsonArray(
                    FhirJson.Coding(ActorKindSystem, Camel(trace.ActorKind.ToString())),
                    FhirJson.Coding(ActorGroupSystem, Camel(trace.ActorGroup.ToString()))),
            },
            ["who"] = new JsonObject { ["display"] = trace.ActorName },
            ["requestor"] = true,
        };
        if (trace.AccessMode != AccessMode.Normal)
        {
            // HL7 v3 ActReason: ETREAT for the SAMU / centre 15 mode, BTG for break-the-glass (DOMAIN.md §5).
            agent["purposeOfUse"] = new JsonArray(trace.AccessMode == AccessMode.Centre15
                ? FhirJson.Concept(ActReasonSystem, "ETREAT", "Emergency Treatment")
                : FhirJson.Concept(ActReasonSystem, "BTG", "break the glass"));
        }

        var entities = new JsonArray(new JsonObject
        {
            ["what"] = new JsonObject { ["identifier"] = new JsonObject { ["system"] = patient.System, ["value"] = patient.Nir.Value } },
            ["type"] = FhirJson.Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person"),
            ["role"] = FhirJson.Coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient"),
        });
        if (trace.Action.StartsWith("document.", StringComparison.Ordinal) && Guid.TryParse(trace.Target, out var documentId))
        {
            entities.Add(new JsonObject
            {
                ["what"] = new JsonObject { ["reference"] = "DocumentReference/" + documentId },
                ["type"] = FhirJson.Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"),
                ["role"] = FhirJson.Coding("http://terminology.hl7.org/CodeSystem/object-role", "3", "Report"),
            });
        }

        return new JsonObject
        {
            ["resourceType"] = "AuditEvent",
            ["id"] = trace.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["type"] = FhirJson.Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"),
            ["subtype"] = new JsonArray(FhirJson.Coding("http://hl7.org/fhir/restful-interaction", Interaction(trace.Action)), FhirJson.Coding(TraceActionSystem, trace.Action)),
            ["action"] = Action(trace.Action),
            ["recorded"] = FhirJson.Instant(trace.At),
            ["outcome"] = "0",
            ["agent"] = new JsonArray(agent),
            ["source"] = new JsonObject { ["observer"] = new JsonObject { ["display"] = "Carnet" } },
            ["entity"] = entities,
        };
    }

    /// <summary>The AuditEvent action (C, R, U, D, E) of a trace action, read from its verb.</summary>
    public static string Action(string action) => Verb(action) switch
    {
        "created" or "deposited" or "content_staged" => "C",
        "viewed" or "retrieved" or "lifecycle_viewed" => "R",
        "listed" or "exported" => "E",
        "deleted" or "purged" => "D",
        _ => "U",
    };

    private static string Interaction(string action) => Action(action) switch
    {
        "C" => "create",
        "R" => "read",
        "E" => "search-type",
        "D" => "delete",
        _ => "update",
    };

    private static string Verb(string action) => action[(action.IndexOf('.', StringComparison.Ordinal) + 1)..];

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
