using System.Globalization;
using System.Text.Json.Nodes;
using Carnet.Access;
using Carnet.Audit;
using Carnet.Identifiers;
using Carnet.SignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Carnet.Fhir;

/// <summary>
/// The holder's access history as FHIR R4 AuditEvents: the same use case as the REST API, the same gate.
/// A patient the caller may not open gives an empty searchset, as for DocumentReference.
/// </summary>
public static class AuditEventEndpoints
{
    public static readonly string[] SearchParameters = ["patient.identifier", "date", "agent-type", "_count", "_offset", "_format"];

    public static RouteGroupBuilder MapAuditEventEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/AuditEvent", SearchAsync).WithSummary("The patient's access history (AuditEvent search): patient.identifier=<system>|<NIR>, date=ge…/lt…, agent-type=urn:carnet:actor-group|holder|professionals|services|carnet, _count ≤ 100, _offset.");
        return group;
    }

    private static async Task SearchAsync(HttpContext http, ShowAccessHistory history, AccessGate gate, CancellationToken ct)
    {
        var query = http.Request.Query;
        if (query.Keys.FirstOrDefault(k => !SearchParameters.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            throw new FhirRequestException($"The search parameter '{unknown}' is not supported on AuditEvent. Supported: {string.Join(", ", SearchParameters)}.");
        }

        var token = query["patient.identifier"].FirstOrDefault()
            ?? throw new FhirRequestException("patient.identifier is required: patient.identifier=urn:oid:1.2.250.1.213.1.4.8|<NIR>.");
        var patient = Ins.ParseToken(token, http.RequestServices.GetRequiredService<IOptions<InsOptions>>().Value.AllowTestAuthorities);
        var group = GroupOf(query["agent-type"].FirstOrDefault());
        var (from, before) = Dates(query["date"]);
        var count = int.TryParse(query["_count"], NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? Math.Clamp(c, 1, ShowAccessHistory.PageSize) : ShowAccessHistory.PageSize;
        var offset = int.TryParse(query["_offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
        var caller = Caller.From(http.User)!;

        var recordId = await gate.ReadableRecords(caller).Where(r => r.Nir == patient.Nir && r.InsAuthority == patient.Authority).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        var page = recordId is { } id
            ? await history.HandleAsync(caller, new ShowAccessHistory.Query(id, group, from, before, offset, count), ct)
            : new ShowAccessHistory.Page([], 0, offset, count);

        var baseUrl = FhirJson.BaseUrl(http.Request);
        var links = new JsonArray(Link("self", http, offset, count));
        if (page.HasMore)
        {
            links.Add(Link("next", http, offset + count, count));
        }

        await FhirJson.WriteAsync(http, StatusCodes.Status200OK, new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "searchset",
            ["total"] = page.Total,
            ["link"] = links,
            ["entry"] = new JsonArray(page.Items.Select(t => (JsonNode)new JsonObject
            {
                ["fullUrl"] = $"{baseUrl}/AuditEvent/{t.Id.ToString(CultureInfo.InvariantCulture)}",
                ["resource"] = AuditEventResource.Of(t, patient),
                ["search"] = new JsonObject { ["mode"] = "match" },
            }).ToArray()),
        });
    }

    private static ActorGroup? GroupOf(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var code = token[(token.IndexOf('|', StringComparison.Ordinal) + 1)..];
        return Enum.TryParse<ActorGroup>(code, ignoreCase: true, out var group) && !char.IsAsciiDigit(code[0])
            ? group
            : throw new FhirRequestException($"agent-type '{token}' is not an actor group: use {AuditEventResource.ActorGroupSystem}|holder, professionals, services or carnet.");
    }

    private static JsonObject Link(string relation, HttpContext http, int offset, int count)
    {
        var parameters = http.Request.Query.Where(p => p.Key is not ("_offset" or "_count"))
            .SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .Append($"_count={count}")
            .Append($"_offset={offset}");
        return new JsonObject { ["relation"] = relation, ["url"] = $"{FhirJson.BaseUrl(http.Request)}/AuditEvent?{string.Join('&', parameters)}" };
    }

    /// <summary>FHIR date search on <c>recorded</c> with ge, gt, le, lt (R4 §3.1.1.5.6); a day stands for the whole day.</summary>
    private static (DateTimeOffset? From, DateTimeOffset? Before) Dates(Microsoft.Extensions.Primitives.StringValues values)
    {
        DateTimeOffset? from = null, before = null;
        foreach (var value in values.OfType<string>())
        {
            var prefixed = value.Length > 2 && char.IsLetter(value[0]) && char.IsLetter(value[1]);
            var prefix = prefixed ? value[..2] : "eq";
            var text = prefixed ? value[2..] : value;
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                throw new FhirRequestException($"date '{value}' is not a FHIR date: write for example date=ge2024-01-01 or date=lt2024-02-01T00:00:00Z.");
            }

            var end = text.Length <= 10 ? at.AddDays(1) : at.AddTicks(1);
            (from, before) = prefix switch
            {
                "ge" => ((DateTimeOffset?)at, before),
                "gt" => (end, before),
                "le" => (from, (DateTimeOffset?)end),
                "lt" => (from, at),
                "eq" => (at, end),
                _ => throw new FhirRequestException($"date prefix '{prefix}' is not supported: use ge, gt, le, lt or eq."),
            };
        }

        return (from?.ToUniversalTime(), before?.ToUniversalTime());
    }
}
