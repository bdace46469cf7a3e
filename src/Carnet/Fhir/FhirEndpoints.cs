using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Carnet.Documents;
using Carnet.Identifiers;
using Carnet.Persistence;
using Carnet.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Carnet.Fhir;

/// <summary>
/// The FHIR R4 façade over the document library, as IHE MHD describes it: ITI-65 (transaction
/// Bundle), raw Binary posting, ITI-67 (DocumentReference search), ITI-68 (Binary retrieve),
/// DocumentReference read and delete, and the CapabilityStatement. The use cases are the REST API's.
/// </summary>
public static class FhirEndpoints
{
    /// <summary>The search parameters ITI-67 supports here.</summary>
    public static readonly string[] SearchParameters = ["patient.identifier", "status", "category", "type", "date", "_count", "_offset", "_sort", "_format"];

    /// <summary>The metadata endpoint is public (FHIR R4 §3.1.0.12); the rest needs the health-data policy.</summary>
    public static RouteGroupBuilder MapFhirMetadata(this RouteGroupBuilder group)
    {
        group.MapGet("/metadata", (HttpContext http) => FhirJson.WriteAsync(http, StatusCodes.Status200OK, CapabilityStatementResource.Of(FhirJson.BaseUrl(http.Request))))
            .WithSummary("The CapabilityStatement: what this FHIR endpoint supports.");
        return group;
    }

    public static RouteGroupBuilder MapFhirEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/", TransactionAsync).WithSummary("IHE MHD ITI-65 Provide Document Bundle (a transaction Bundle). Idempotency-Key header optional.");
        group.MapPost("/Binary", PostBinaryAsync).WithSummary("Post a document's bytes raw (Content-Type = its MIME type) with X-Security-Context: Patient?identifier=<system>|<NIR>; reference it as Binary/<id> in ITI-65.");
        group.MapGet("/Binary/{id:guid}", RetrieveAsync).WithSummary("IHE MHD ITI-68 Retrieve Document: the bytes, ETag = SHA-256, Range supported; ?embedded=true for a level-1 CDA's PDF.");
        group.MapGet("/DocumentReference", SearchAsync).WithSummary("IHE MHD ITI-67 Find Document References.");
        group.MapGet("/DocumentReference/{id:guid}", ReadAsync).WithSummary("One DocumentReference.");
        group.MapDelete("/DocumentReference/{id:guid}", DeleteAsync).WithSummary("The author deletes their deposit; the holder sees it was deleted by its author.");
        group.MapAuditEventEndpoints();
        return group;
    }

    private static Caller CallerOf(HttpContext http) => Caller.From(http.User)!;

    private static bool AllowTestAuthorities(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<InsOptions>>().Value.AllowTestAuthorities;

    private static async Task TransactionAsync(HttpContext http, DepositDocuments deposit, Access.AccessGate gate, IOptions<DocumentsOptions> options, CancellationToken ct)
    {
        RequireFhirJson(http);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.Value.MaxInlineRequestBytes;
        }

        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(http.Request.Body, default, ct);
        }
        catch (JsonException e)
        {
            throw new FhirRequestException($"The body is not valid JSON ({e.Message}). Send a FHIR transaction Bundle as application/fhir+json.");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new DocumentException(DocumentException.TooLarge, $"The bundle is larger than {options.Value.MaxInlineRequestBytes:N0} bytes. Post large content raw to /fhir/r4/Binary first (with X-Security-Context) and reference it as Binary/<id>.");
        }

        using (body)
        {
            var caller = CallerOf(http);
            var parsed = ProvideDocumentBundle.Read(body.RootElement, caller, AllowTestAuthorities(http));
            var recordId = await gate.DepositTargetAsync(caller, parsed.Patient, ct)
                ?? throw new Records.RecordNotFoundException("No open record was found for this patient. Check the INS; the person may have objected to or closed their record.");
            var result = await deposit.HandleAsync(caller, new DepositDocuments.Request(recordId, parsed.Items, http.Request.Headers["Idempotency-Key"].FirstOrDefault(), parsed.SubmissionSetId), ct);
            var entries = new JsonArray();
            foreach (var entry in parsed.Entries)
            {
                var outcome = entry.Item is { } i ? result.Documents[i] : null;
                var (status, location) = entry.ResourceType switch
                {
                    "DocumentReference" => (outcome!.Created ? "201 Created" : "200 OK", $"DocumentReference/{outcome.Document.Id}"),
                    "Binary" when outcome is not null => (outcome.Created ? "201 Created" : "200 OK", $"Binary/{outcome.Document.ContentId}"),
                    "List" => (result.Replayed ? "200 OK" : "201 Created", $"List/{result.SubmissionId}"),
                    _ => ("200 OK", (string?)null),
                };
                var response = new JsonObject { ["status"] = status };
                if (location is not null)
                {
                    response["location"] = location;
                }

                if (outcome is not null && entry.ResourceType == "DocumentReference")
                {
                    response["etag"] = "W/\"1\"";
                    response["lastModified"] = FhirJson.Instant(outcome.Document.UpdatedAt);
                }

                entries.Add(new JsonObject { ["response"] = response });
            }

            var answer = new JsonObject
            {
                ["resourceType"] = "Bundle",
                ["id"] = result.SubmissionId.ToString(),
                ["type"] = "transaction-response",
                ["entry"] = entries,
            };
            await FhirJson.WriteAsync(http, StatusCodes.Status200OK, answer);
        }
    }

    private static async Task PostBinaryAsync(HttpContext http, StageBinary stage, IOptions<DocumentsOptions> options, CancellationToken ct)
    {
        var context = http.Request.Headers["X-Security-Context"].FirstOrDefault();
        const string Conditional = "Patient?identifier=";
        if (context is null || !context.StartsWith(Conditional, StringComparison.Ordinal))
        {
            throw new FhirRequestException("Name the patient with the header X-Security-Context: Patient?identifier=urn:oid:1.2.250.1.213.1.4.8|<NIR> (FHIR R4 http.html, Binary): the content is encrypted under that patient's key.");
        }

        var contentType = http.Request.ContentType;
        if (string.IsNullOrWhiteSpace(contentType) || contentType.StartsWith(FhirJson.ContentType, StringComparison.OrdinalIgnoreCase) || contentType.Length > 128)
        {
            throw new FhirRequestException("Post the document's bytes raw, with Content-Type set to its MIME type (for example application/pdf), not a Binary resource in JSON.");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.Value.MaxDepositBytes;
        }

        var patient = Ins.ParseToken(Uri.UnescapeDataString(context[Conditional.Length..]), AllowTestAuthorities(http), "X-Security-Context");
        var staged = await stage.HandleAsync(CallerOf(http), patient, contentType.Split(';')[0].Trim(), http.Request.Body, ct);
        http.Response.Headers.Location = $"Binary/{staged.Id}";
        await FhirJson.WriteAsync(http, StatusCodes.Status201Created, new JsonObject
        {
            ["resourceType"] = "Binary",
            ["id"] = staged.Id.ToString(),
            ["meta"] = new JsonObject { ["lastUpdated"] = FhirJson.Instant(staged.StagedAt) },
            ["contentType"] = staged.ContentType,
        });
    }

    private static async Task<IResult> RetrieveAsync(HttpContext http, Guid id, bool? embedded, ReadDocument reader, CancellationToken ct)
    {
        var caller = CallerOf(http);
        var content = await reader.ContentAsync(caller, id, embedded == true, size => DocumentContentResult.RangeOf(http.Request, size), ct);
        return new DocumentContentResult(content);
    }

    private static async Task ReadAsync(HttpContext http, Guid id, ReadDocument reader, CarnetDbContext db, CancellationToken ct)
    {
        var document = await reader.MetadataAsync(CallerOf(http), id, ct);
        var patient = await PatientsAsync(db, [document.RecordId], ct);
        await FhirJson.WriteAsync(http, StatusCodes.Status200OK, DocumentReferenceResource.Of(document, patient[document.RecordId], FhirJson.BaseUrl(http.Request)));
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, Guid id, DeleteDocuments handler, CancellationToken ct)
    {
        await handler.HandleAsync(CallerOf(http), [id], ct);
        return Results.NoContent();
    }

    private static async Task SearchAsync(HttpContext http, FindDocuments finder, CancellationToken ct)
    {
        var query = http.Request.Query;
        if (query.Keys.FirstOrDefault(k => !SearchParameters.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            throw new FhirRequestException($"The search parameter '{unknown}' is not supported. Supported: {string.Join(", ", SearchParameters)} (see /fhir/r4/metadata).");
        }

        var token = query["patient.identifier"].FirstOrDefault()
            ?? throw new FhirRequestException("patient.identifier is required: patient.identifier=urn:oid:1.2.250.1.213.1.4.8|<NIR> (ITI-67).");
        var patient = Ins.ParseToken(token, AllowTestAuthorities(http));
        var statuses = query["status"].SelectMany(v => (v ?? "").Split(',')).Where(v => v.Length > 0).Select(Status).ToList();
        var (from, before) = Dates(query["date"]);
        var count = int.TryParse(query["_count"], NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? Math.Clamp(c, 1, FindDocuments.MaxPageSize) : 20;
        var offset = int.TryParse(query["_offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
        var sort = query["_sort"].FirstOrDefault();
        if (sort is not (null or "date" or "-date"))
        {
            throw new FhirRequestException("_sort supports date and -date (newest first, the default).");
        }

        var page = await finder.HandleAsync(CallerOf(http), new FindDocuments.Query(
            Patient: patient,
            Statuses: statuses,
            ClassCode: TokenCode(query["category"].FirstOrDefault()),
            TypeCode: TokenCode(query["type"].FirstOrDefault()),
            From: from,
            Before: before,
            OldestFirst: sort == "date",
            Offset: offset,
            Count: count), ct);

        var baseUrl = FhirJson.BaseUrl(http.Request);
        // The search named the patient, so every document found is in that patient's record: no query needed.
        var patients = page.Items.Select(d => d.RecordId).Distinct().ToDictionary(id => id, _ => patient);
        var links = new JsonArray(Link("self", http, offset, count));
        if (page.HasMore)
        {
            links.Add(Link("next", http, offset + count, count));
        }

        if (offset > 0)
        {
            links.Add(Link("previous", http, Math.Max(0, offset - count), count));
        }

        var bundle = new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "searchset",
            ["total"] = page.Total,
            ["link"] = links,
            ["entry"] = new JsonArray(page.Items.Select(d => (JsonNode)new JsonObject
            {
                ["fullUrl"] = $"{baseUrl}/DocumentReference/{d.Id}",
                ["resource"] = DocumentReferenceResource.Of(d, patients[d.RecordId], baseUrl),
                ["search"] = new JsonObject { ["mode"] = "match" },
            }).ToArray()),
        };
        await FhirJson.WriteAsync(http, StatusCodes.Status200OK, bundle);
    }

    private static JsonObject Link(string relation, HttpContext http, int offset, int count)
    {
        var parameters = http.Request.Query.Where(p => p.Key is not ("_offset" or "_count"))
            .SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .Append($"_count={count}")
            .Append($"_offset={offset}");
        return new JsonObject { ["relation"] = relation, ["url"] = $"{FhirJson.BaseUrl(http.Request)}/DocumentReference?{string.Join('&', parameters)}" };
    }

    private static async Task<Dictionary<Guid, Ins>> PatientsAsync(CarnetDbContext db, IReadOnlyCollection<Guid> recordIds, CancellationToken ct) =>
        (await db.Records.AsNoTracking().Where(r => recordIds.Contains(r.Id)).Select(r => new { r.Id, r.Nir, r.InsAuthority }).ToListAsync(ct))
            .ToDictionary(r => r.Id, r => new Ins(r.Nir, r.InsAuthority));

    private static DocumentStatus Status(string value) => value switch
    {
        "current" => DocumentStatus.Current,
        "superseded" => DocumentStatus.Superseded,
        "entered-in-error" => DocumentStatus.Deleted,
        _ => throw new FhirRequestException($"status '{value}' is not a DocumentReference status: use current, superseded or entered-in-error."),
    };

    private static string? TokenCode(string? token) => token is null ? null : token[(token.IndexOf('|', StringComparison.Ordinal) + 1)..];

    /// <summary>FHIR date search with prefixes (ge, gt, le, lt, eq; R4 §3.1.1.5.6) on the deposit date.</summary>
    private static (DateTimeOffset? From, DateTimeOffset? Before) Dates(Microsoft.Extensions.Primitives.StringValues values)
    {
        DateTimeOffset? from = null, before = null;
        foreach (var value in values.OfType<string>())
        {
            var prefix = value.Length > 2 && char.IsLetter(value[0]) ? value[..2] : "eq";
            var text = prefix == "eq" && !char.IsLetter(value[0]) ? value : value[2..];
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                throw new FhirRequestException($"date '{value}' is not a FHIR date: write for example date=ge2024-01-01 or date=lt2024-02-01T00:00:00Z.");
            }

            var day = text.Length <= 10;
            var end = day ? at.AddDays(1) : at.AddTicks(1);
            switch (prefix)
            {
                case "ge":
                    from = at;
                    break;
                case "gt":
                    from = end;
                    break;
                case "le":
                    before = end;
                    break;
                case "lt":
                    before = at;
                    break;
                case "eq":
                    from = at;
                    before = end;
                    break;
                default:
                    throw new FhirRequestException($"date prefix '{prefix}' is not supported: use ge, gt, le, lt or eq.");
            }
        }

        return (from?.ToUniversalTime(), before?.ToUniversalTime());
    }

    private static void RequireFhirJson(HttpContext http)
    {
        var type = http.Request.ContentType ?? "";
        if (!type.StartsWith(FhirJson.ContentType, StringComparison.OrdinalIgnoreCase) && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new FhirRequestException("Send the Bundle as application/fhir+json.");
        }
    }
}
