using System.Text.Json.Nodes;

namespace Carnet.Fhir;

/// <summary>What the FHIR endpoint supports (FHIR R4 CapabilityStatement), for IHE MHD Document Source, Recipient and Responder.</summary>
public static class CapabilityStatementResource
{
    public static JsonObject Of(string baseUrl) => new()
    {
        ["resourceType"] = "CapabilityStatement",
        ["status"] = "active",
        ["date"] = "2026-11-22",
        ["publisher"] = "The Carnet contributors",
        ["kind"] = "instance",
        ["software"] = new JsonObject { ["name"] = "Carnet" },
        ["implementation"] = new JsonObject { ["description"] = "Carnet personal health record: IHE MHD document library", ["url"] = baseUrl },
        ["fhirVersion"] = "4.0.1",
        ["format"] = new JsonArray("application/fhir+json"),
        ["instantiates"] = new JsonArray(
            "https://profiles.ihe.net/ITI/MHD/CapabilityStatement/IHE.MHD.DocumentRecipient",
            "https://profiles.ihe.net/ITI/MHD/CapabilityStatement/IHE.MHD.DocumentResponder"),
        ["rest"] = new JsonArray(new JsonObject
        {
            ["mode"] = "server",
            ["documentation"] = "Establishment software signs in with OAuth 2.0 client credentials and private_key_jwt (POST /oauth/token) and names the acting professional in the Carnet-Acting-Professional header. Patients are named by INS: urn:oid:1.2.250.1.213.1.4.8|<NIR>.",
            ["security"] = new JsonObject
            {
                ["service"] = new JsonArray(FhirJson.Concept("http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth", "OAuth")),
                ["description"] = "Bearer tokens from /oauth/token (RFC 7523 client assertions).",
            },
            ["resource"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "DocumentReference",
                    ["interaction"] = new JsonArray(Interaction("read"), Interaction("search-type"), Interaction("delete")),
                    ["searchParam"] = new JsonArray(
                        Param("patient.identifier", "token", "The patient's INS (system|NIR). Required."),
                        Param("status", "token", "current, superseded, entered-in-error"),
                        Param("category", "token", "Class code (TRE_A03)"),
                        Param("type", "token", "Type code (JDV_J66)"),
                        Param("date", "date", "Deposit date, with ge, gt, le, lt, eq"),
                        Param("_count", "number", "Page size, at most 100"),
                        Param("_offset", "number", "Position of the page (the next link carries it)"),
                        Param("_sort", "string", "date or -date (default)")),
                },
                new JsonObject
                {
                    ["type"] = "Binary",
                    ["interaction"] = new JsonArray(Interaction("read"), Interaction("create")),
                    ["documentation"] = "Read gives the raw bytes (ITI-68) with an ETag (SHA-256) and byte ranges. Create takes raw bytes with X-Security-Context: Patient?identifier=<system>|<NIR>.",
                },
                new JsonObject
                {
                    ["type"] = "AuditEvent",
                    ["interaction"] = new JsonArray(Interaction("search-type")),
                    ["documentation"] = "The record's access history, for the holder and their representatives (their session): every read and write, newest first.",
                    ["searchParam"] = new JsonArray(
                        Param("patient.identifier", "token", "The patient's INS (system|NIR). Required."),
                        Param("date", "date", "When it happened, with ge, gt, le, lt"),
                        Param("agent-type", "token", "holder, professionals, services or carnet"),
                        Param("_count", "number", "Page size, at most 100"),
                        Param("_offset", "number", "Position of the page (the next link carries it)")),
                },
                new JsonObject { ["type"] = "List", ["documentation"] = "The SubmissionSet of ITI-65; not readable on its own." }),
            ["interaction"] = new JsonArray(new JsonObject { ["code"] = "transaction", ["documentation"] = "ITI-65 Provide Document Bundle; Idempotency-Key header honoured." }),
        }),
    };

    private static JsonObject Interaction(string code) => new() { ["code"] = code };

    private static JsonObject Param(string name, string type, string documentation) => new() { ["name"] = name, ["type"] = type, ["documentation"] = documentation };
}
