using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Carnet.Jobs;
using Carnet.Persistence;
using Carnet.Records.Import;
using Carnet.Tests.Testing;
using Carnet.Web.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Web.Tests.Records;

/// <summary>The enrolment and activation API over HTTP, with its problem details.</summary>
public class EnrolmentHttpTests
{
    [Theory]
    [DatabaseProviders]
    public async Task A_person_activates_their_record_over_http(DatabaseProvider provider)
    {
        await using var app = await StartWithAliceAsync(provider);
        using var client = app.CreateClient();

        var start = await client.PostAsJsonAsync("/api/activation/", Proof(app.Mail.LastProvisionalCodeTo(People.AliceEmail)));
        start.StatusCode.ShouldBe(HttpStatusCode.Created);
        var started = await start.Content.ReadFromJsonAsync<JsonElement>();
        started.GetProperty("givenNames").GetString().ShouldBe("Alice");
        started.GetProperty("knownEmail").GetString().ShouldBe("a•••@example.org");
        client.DefaultRequestHeaders.Add("Activation-Token", started.GetProperty("activationToken").GetString());

        (await client.PostAsJsonAsync("/api/activation/email", new { email = People.AliceEmail })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await client.PostAsJsonAsync("/api/activation/mobile", new { mobile = "06 12 34 56 78" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await DispatchAsync(app);
        (await client.PostAsJsonAsync("/api/activation/email/confirmation", new { code = app.Mail.LastOneTimeCodeTo(People.AliceEmail) })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PostAsJsonAsync("/api/activation/mobile/confirmation", new { code = app.Mail.LastOneTimeCodeTo(People.AliceMobile) })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var check = await (await client.PostAsJsonAsync("/api/activation/credentials/check", new { login = "alice.martin", password = "Kp9#vT2!mQx" })).Content.ReadFromJsonAsync<JsonElement>();
        check.GetProperty("valid").GetBoolean().ShouldBeTrue();
        var done = await client.PostAsJsonAsync("/api/activation/completion", new { login = "alice.martin", password = "Kp9#vT2!mQx", acceptTerms = true });

        done.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("login").GetString().ShouldBe("alice.martin");
    }

    [Fact]
    public async Task Expired_and_used_codes_get_distinct_problems()
    {
        await using var app = await StartWithAliceAsync();
        using var client = app.CreateClient();
        var code = app.Mail.LastProvisionalCodeTo(People.AliceEmail);
        (await client.PostAsJsonAsync("/api/enrolment/opposition", Proof(code))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var used = await Problem(await client.PostAsJsonAsync("/api/enrolment/reopening", Proof(code)));
        app.Clock.Advance(TimeSpan.FromDays(1));
        (await client.PostAsJsonAsync("/api/enrolment/provisional-codes", new { nir = People.Alice, vitaleSerial = People.AliceVitale })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await DispatchAsync(app);
        var fresh = app.Mail.LastProvisionalCodeTo(People.AliceEmail);
        app.Clock.Advance(TimeSpan.FromDays(61));
        var expired = await Problem(await client.PostAsJsonAsync("/api/enrolment/reopening", Proof(fresh)));

        used.Status.ShouldBe(422);
        used.Code.ShouldBe("code_already_used");
        expired.Status.ShouldBe(422);
        expired.Code.ShouldBe("code_expired");
        expired.Detail.ShouldContain("Ask for a new code");
    }

    [Fact]
    public async Task An_unknown_person_is_not_found_exactly_like_a_wrong_vitale_serial()
    {
        await using var app = await StartWithAliceAsync();
        using var client = app.CreateClient();
        var code = app.Mail.LastProvisionalCodeTo(People.AliceEmail);

        var unknown = await client.PostAsJsonAsync("/api/enrolment/opposition", new { nir = People.Chloe, vitaleSerial = People.AliceVitale, provisionalCode = code });
        var wrongSerial = await client.PostAsJsonAsync("/api/enrolment/opposition", new { nir = People.Alice, vitaleSerial = "80250123457", provisionalCode = code });

        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        wrongSerial.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var a = await Problem(unknown);
        var b = await Problem(wrongSerial);
        (a.Code, a.Detail, a.Title).ShouldBe((b.Code, b.Detail, b.Title));
    }

    [Fact]
    public async Task A_malformed_nir_is_a_400_naming_the_field()
    {
        await using var app = await StartWithAliceAsync();
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/enrolment/opposition", new { nir = "255081416802537", vitaleSerial = People.AliceVitale, provisionalCode = "AAAAA-BBBBB" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("errors").GetProperty("nir")[0].GetString()!.ShouldContain("key");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Asking_for_codes_too_fast_is_a_429()
    {
        await using var app = await StartWithAliceAsync();
        using var client = app.CreateClient();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var identity = new { nir = People.Alice, vitaleSerial = People.AliceVitale };

        (await client.PostAsJsonAsync("/api/enrolment/provisional-codes", identity)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var again = await client.PostAsJsonAsync("/api/enrolment/provisional-codes", identity);

        again.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await Problem(again)).Code.ShouldBe("code_requested_too_soon");
    }

    [Fact]
    public async Task Closing_with_deletion_reports_the_new_state()
    {
        await using var app = await StartWithAliceAsync();
        using var client = app.CreateClient();
        app.Clock.Advance(TimeSpan.FromDays(42));
        await RunJobsAsync(app);

        var response = await client.PostAsJsonAsync("/api/enrolment/closure", new { nir = People.Alice, vitaleSerial = People.AliceVitale, provisionalCode = app.Mail.LastProvisionalCodeTo(People.AliceEmail), deleteData = true });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().ShouldBe("Closed");
    }

    [Fact]
    public async Task Enrolment_endpoints_are_rate_limited_per_connection()
    {
        await using var app = await CarnetWebFactory.StartAsync(settings: new Dictionary<string, string?>(StringComparer.Ordinal) { ["Carnet:Records:EnrolmentRequestsPerMinute"] = "3" });
        using var client = app.CreateClient();
        var identity = new { nir = People.Chloe, vitaleSerial = "80251112223" };

        for (var i = 0; i < 3; i++)
        {
            (await client.PostAsJsonAsync("/api/enrolment/provisional-codes", identity)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var limited = await client.PostAsJsonAsync("/api/enrolment/provisional-codes", identity);
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        (await limited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("rate_limited");
    }

    [Fact]
    public void A_concurrent_change_is_a_409_asking_to_try_again()
    {
        var problem = Carnet.Http.DomainProblems.From(new Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException())!;

        problem.Status.ShouldBe(409);
        problem.Extensions["code"].ShouldBe("changed_meanwhile");
        problem.Detail!.ShouldContain("try again");
    }

    private static object Proof(string code) => new { nir = People.Alice, vitaleSerial = People.AliceVitale, provisionalCode = code };

    private static async Task<CarnetWebFactory> StartWithAliceAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var app = await CarnetWebFactory.StartAsync(provider);
        app.StartServer();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ImportInsuredPersons>().HandleAsync(
                new ImportInsuredPersons.Request(new MemoryStream(Encoding.UTF8.GetBytes(People.AliceLine())), ImportFormat.Ndjson, "alice.ndjson"),
                CancellationToken.None);
        }

        await DispatchAsync(app);
        return app;
    }

    private static async Task DispatchAsync(CarnetWebFactory app)
    {
        var runner = app.Services.GetRequiredService<JobRunner>();
        await runner.RunAsync(runner.Jobs.Single(j => j.Name == Carnet.Mail.DispatchOutbox.JobName), CancellationToken.None);
    }

    private static async Task RunJobsAsync(CarnetWebFactory app) =>
        await app.Services.GetRequiredService<JobRunner>().RunAllAsync(CancellationToken.None);

    private static async Task<(int Status, string Code, string Detail, string Title)> Problem(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("status").GetInt32(), body.GetProperty("code").GetString()!, body.GetProperty("detail").GetString()!, body.GetProperty("title").GetString()!);
    }
}
