using System.Net;
using System.Net.Http.Json;
using System.Text;
using Carnet.Accounts;
using Carnet.Persistence;
using Carnet.Records;
using Carnet.Records.Import;
using Carnet.Tests.Testing;
using Carnet.Web.Tests.Documents;
using Carnet.Web.Tests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Web.Tests.Access.Delegations;

/// <summary>The caregivers' REST API: problem details that say what to do next, and refusals that look like absence.</summary>
public class DelegationHttpTests
{
    [Fact]
    public async Task A_holder_invites_a_caregiver_by_login_and_an_unknown_login_says_what_to_do()
    {
        await using var library = await WebLibrary.StartAsync();
        var bruno = await AddBrunoAsync(library);
        var alice = await SignInAliceAgainAsync(library);

        var invited = await alice.PostAsJsonAsync($"/api/records/{library.RecordId}/caregivers/invitations", new { login = "bruno.durand" });
        var unknown = await alice.PostAsJsonAsync($"/api/records/{library.RecordId}/caregivers/invitations", new { login = "nobody.here" });

        invited.StatusCode.ShouldBe(HttpStatusCode.Created);
        unknown.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var (status, code, detail) = await TestAccounts.ProblemAsync(unknown);
        (status, code).ShouldBe((404, "invitee_not_found"));
        detail.ShouldContain("check it with the person");
        var listed = await alice.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/records/{library.RecordId}/caregivers");
        listed.GetArrayLength().ShouldBe(1);
        listed[0].GetProperty("caregiverRecordId").GetGuid().ShouldBe(bruno);
        listed[0].GetProperty("status").GetString().ShouldBe("pending");
    }

    [Fact]
    public async Task Another_person_s_caregivers_answer_exactly_like_an_absent_record()
    {
        await using var library = await WebLibrary.StartAsync();
        var bruno = await AddBrunoAsync(library);
        var alice = await SignInAliceAgainAsync(library);

        var others = await alice.GetAsync($"/api/records/{bruno}/caregivers");
        var absent = await alice.GetAsync($"/api/records/{Guid.NewGuid()}/caregivers");

        others.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        others.StatusCode.ShouldBe(absent.StatusCode);
        // Each answer carries its own request's traceId; everything else is the same.
        (await WithoutTraceIdAsync(others)).ShouldBe(await WithoutTraceIdAsync(absent));
    }

    private static async Task<string> WithoutTraceIdAsync(HttpResponseMessage response)
    {
        var body = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).EnumerateObject().Where(p => p.Name != "traceId");
        return string.Join(";", body.Select(p => p.Name + "=" + p.Value.GetRawText()));
    }

    /// <summary>Bruno's record waited out its opposition window, and Alice's first session with it: she signs in again.</summary>
    private static async Task<HttpClient> SignInAliceAgainAsync(WebLibrary library)
    {
        var client = library.App.CreateClient();
        await TestAccounts.SignInAliceAsync(library.App, client);
        return client;
    }

    /// <summary>Bruno's record, open, with a holder account whose login is bruno.durand.</summary>
    private static async Task<Guid> AddBrunoAsync(WebLibrary library)
    {
        await using var scope = library.App.Services.CreateAsyncScope();
        var line = People.Line(People.Bruno, "DURAND", "Bruno", "1979-01-03", "80250987654", email: "bruno@example.org");
        await scope.ServiceProvider.GetRequiredService<ImportInsuredPersons>().HandleAsync(new ImportInsuredPersons.Request(new MemoryStream(Encoding.UTF8.GetBytes(line)), ImportFormat.Ndjson, "bruno.ndjson"), CancellationToken.None);
        await TestAccounts.DispatchAsync(library.App);
        library.App.Clock.Advance(LifecycleRules.OppositionWindow);
        await scope.ServiceProvider.GetRequiredService<CreateRecordsAfterOppositionWindow>().RunAsync(CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<CarnetDbContext>();
        var record = await db.Records.SingleAsync(r => r.Email == "bruno@example.org");
        db.Users.Add(new Account { Id = Guid.CreateVersion7(), Kind = AccountKind.Holder, UserName = "bruno.durand", NormalizedUserName = "BRUNO.DURAND", HolderRecordId = record.Id, CreatedAt = library.App.Clock.GetUtcNow() });
        await db.SaveChangesAsync();
        return record.Id;
    }
}
