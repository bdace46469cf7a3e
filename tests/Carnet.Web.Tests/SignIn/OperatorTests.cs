using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Carnet.Accounts;
using Carnet.SignIn;
using Carnet.SignIn.People;
using Carnet.Tests.Testing;
using Carnet.Web.Tests.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Carnet.Web.Tests.Testing.TestAccounts;

namespace Carnet.Web.Tests.SignIn;

/// <summary>The operator's staff administer Carnet and never read health data (DOMAIN.md §1).</summary>
public class OperatorTests
{
    [Fact]
    public async Task The_operator_registers_a_professional_and_opens_their_sign_in_over_the_admin_api()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        var (login, password, secret) = await IssueStaffAsync(app, new IssueStaffAccount.Request(AccountKind.Operator, Login: "ops.dupont", Email: "ops@example.org"));
        using var ops = app.CreateClient();
        await SignInStaffAsync(app, ops, login, password, secret);

        (await ops.PostAsJsonAsync("/api/admin/directory/professionals", new { rpps = DoctorRpps, familyName = "LEFÈVRE", givenNames = "Claire", professionCode = "10", specialtyCode = "SM54" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var issued = await (await ops.PostAsJsonAsync("/api/admin/accounts/professionals", new { rpps = DoctorRpps })).Content.ReadFromJsonAsync<JsonElement>();

        using var doctor = app.CreateClient();
        await SignInStaffAsync(app, doctor, DoctorRpps, issued.GetProperty("firstPassword").GetString()!, SecretOf(issued.GetProperty("authenticatorUri").GetString()!));
        (await doctor.GetFromJsonAsync<JsonElement>("/api/sessions/current")).GetProperty("kind").GetString().ShouldBe("professional");
    }

    [Fact]
    public async Task The_operator_imports_an_enrolment_file_and_looks_at_a_lifecycle_over_the_admin_api()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        var (login, password, secret) = await IssueStaffAsync(app, new IssueStaffAccount.Request(AccountKind.Operator, Login: "ops.dupont"));
        using var ops = app.CreateClient();
        await SignInStaffAsync(app, ops, login, password, secret);
        var file = People.AliceLine() + "\n" + People.Line("1790169123045", "DURAND", "Bruno", "1979-13-03", "80250987654") + "\n";

        var import = await ops.PostAsync("/api/admin/enrolment/batches?fileName=week47.ndjson", new StringContent(file, System.Text.Encoding.UTF8, "application/x-ndjson"));

        import.StatusCode.ShouldBe(HttpStatusCode.Created, app.Logs.Lines.LastOrDefault(l => l.StartsWith("Error", StringComparison.Ordinal)));
        var batch = await import.Content.ReadFromJsonAsync<JsonElement>();
        batch.GetProperty("counts").GetProperty("created").GetInt64().ShouldBe(1);
        batch.GetProperty("counts").GetProperty("rejected").GetInt64().ShouldBe(1);
        var error = batch.GetProperty("errors")[0];
        error.GetProperty("line").GetInt64().ShouldBe(2);
        error.GetProperty("problem").GetString()!.ShouldNotContain("1979-13-03", customMessage: "rejected values are never echoed");
        var lifecycle = await (await ops.PostAsJsonAsync("/api/admin/records/lifecycle", new { nir = People.Alice })).Content.ReadFromJsonAsync<JsonElement>();
        lifecycle.GetProperty("displayName").GetString().ShouldBe("Alice MARTIN");
    }

    [Fact]
    public async Task Holders_and_professionals_cannot_use_the_admin_api()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var holder = app.CreateClient();
        await SignInAliceAsync(app, holder);
        using var anonymous = app.CreateClient();

        (await holder.PostAsJsonAsync("/api/admin/directory/establishments", new { finess = "690000013", name = "Labo", kind = "laboratory" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await anonymous.PostAsJsonAsync("/api/admin/directory/establishments", new { finess = "690000013", name = "Labo", kind = "laboratory" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Every_health_data_endpoint_answers_the_operator_as_if_nothing_existed()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        var recordId = await CreateAliceAsync(app);
        using var alice = app.CreateClient();
        await SignInAliceAsync(app, alice);
        (await alice.GetAsync($"/api/records/{recordId}")).StatusCode.ShouldBe(HttpStatusCode.OK, "the record exists and its holder reads it");
        var (login, password, secret) = await IssueStaffAsync(app, new IssueStaffAccount.Request(AccountKind.Operator, Login: "ops.dupont"));
        using var ops = app.CreateClient();
        await SignInStaffAsync(app, ops, login, password, secret);
        var absent = await Body(await alice.GetAsync($"/api/records/{Guid.NewGuid()}"));
        var absentFhir = await Body(await alice.GetAsync($"/fhir/r4/DocumentReference/{Guid.NewGuid()}"));

        var healthData = HealthDataEndpoints(app).ToList();
        healthData.ShouldNotBeEmpty();
        foreach (var (method, pattern) in healthData)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(pattern.Replace("{recordId:guid}", recordId.ToString(), StringComparison.Ordinal), "{[a-zA-Z]+:guid}", _ => Guid.NewGuid().ToString());
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            var response = await ops.SendAsync(request);

            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{method} {pattern}");
            (await Body(response)).ShouldBe(pattern.StartsWith("/fhir", StringComparison.Ordinal) ? absentFhir : absent, $"{method} {pattern} must answer like an absent record");
        }
    }

    [Fact]
    public async Task Every_records_and_fhir_endpoint_requires_the_health_data_policy()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        app.StartServer();
        var routes = app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/records", StringComparison.Ordinal) || raw.StartsWith("/fhir", StringComparison.Ordinal)))
            .ToList();

        // The CapabilityStatement is public (FHIR R4 §3.1.0.12): it holds no health data.
        routes.RemoveAll(e => e.RoutePattern.RawText == "/fhir/r4/metadata");

        routes.ShouldNotBeEmpty();
        routes.ShouldAllBe(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == SignInPolicies.HealthData));
    }

    [Fact]
    public async Task Someone_elses_record_answers_exactly_like_an_absent_one()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        await CreateAliceAsync(app);
        using var alice = app.CreateClient();
        await SignInAliceAsync(app, alice);
        Guid other;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Carnet.Records.Import.ImportInsuredPersons>().HandleAsync(
                new Carnet.Records.Import.ImportInsuredPersons.Request(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(People.BrunoByPost())), Carnet.Records.Import.ImportFormat.Ndjson, "bruno.ndjson"),
                CancellationToken.None);
            other = scope.ServiceProvider.GetRequiredService<Carnet.Persistence.CarnetDbContext>().Records.Single(r => r.FamilyName == "DURAND").Id;
        }

        var someoneElses = await alice.GetAsync($"/api/records/{other}");
        var absent = await alice.GetAsync($"/api/records/{Guid.NewGuid()}");

        someoneElses.StatusCode.ShouldBe(absent.StatusCode);
        (await Body(someoneElses)).ShouldBe(await Body(absent));
    }

    private static IEnumerable<(string Method, string Pattern)> HealthDataEndpoints(CarnetWebFactory app) =>
        app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == SignInPolicies.HealthData))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/'))));

    /// <summary>The problem body without its per-request trace id.</summary>
    private static async Task<string> Body(HttpResponseMessage response)
    {
        var json = await response.Content.ReadFromJsonAsync<Dictionary<string, JsonElement>>();
        json!.Remove("traceId");
        return JsonSerializer.Serialize(json.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value));
    }
}
