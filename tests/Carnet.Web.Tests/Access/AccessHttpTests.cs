using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Carnet.SignIn.Establishments;
using Carnet.Tests.Documents;
using Carnet.Web.Tests.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Web.Tests.Access;

/// <summary>The access policy over real HTTP: the holder's choices (REST) decide what establishment software finds (FHIR ITI-67).</summary>
public class AccessHttpTests
{
    private static string Search => $"/fhir/r4/DocumentReference?patient.identifier={Uri.EscapeDataString(WebLibrary.PatientToken)}";

    [Fact]
    public async Task Software_finds_nothing_until_it_records_the_holder_s_consent_then_finds_the_holder_s_documents()
    {
        await using var library = await WebLibrary.StartAsync();
        await UploadAsync(library);

        (await TotalAsync(library, "normal")).ShouldBe(0);

        using var consent = await library.Lab.Client.SendAsync(AsLab(library, HttpMethod.Post, "/api/access/consents", "normal", JsonContent.Create(new { system = "urn:oid:1.2.250.1.213.1.4.8", value = Carnet.Tests.Testing.People.Alice })));
        consent.StatusCode.ShouldBe(HttpStatusCode.OK, await consent.Content.ReadAsStringAsync());
        (await consent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetBoolean().ShouldBeTrue();

        (await TotalAsync(library, "normal")).ShouldBe(1);
        using var choices = await library.Holder.GetAsync($"/api/records/{library.RecordId}/access");
        var authorized = (await choices.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("authorized");
        authorized.EnumerateArray().ShouldHaveSingleItem().GetProperty("basis").GetString().ShouldBe("consent");
    }

    [Fact]
    public async Task The_holder_turns_break_the_glass_off_and_an_emergency_search_finds_nothing_until_it_is_on_again()
    {
        await using var library = await WebLibrary.StartAsync();
        await UploadAsync(library);

        using var off = await library.Holder.PutAsJsonAsync($"/api/records/{library.RecordId}/access/settings", new { breakTheGlassAllowed = false });
        off.StatusCode.ShouldBe(HttpStatusCode.OK, await off.Content.ReadAsStringAsync());
        (await off.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("settings").GetProperty("breakTheGlassAllowed").GetBoolean().ShouldBeFalse();
        (await TotalAsync(library, "bris_de_glace")).ShouldBe(0);

        using var on = await library.Holder.PutAsJsonAsync($"/api/records/{library.RecordId}/access/settings", new { breakTheGlassAllowed = true });
        on.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TotalAsync(library, "bris_de_glace")).ShouldBe(1);
        using var choices = await library.Holder.GetAsync($"/api/records/{library.RecordId}/access");
        (await choices.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("emergencyAccesses").EnumerateArray().ShouldHaveSingleItem().GetProperty("mode").GetString().ShouldBe("breakTheGlass");
    }

    [Fact]
    public async Task Hidden_documents_in_emergencies_without_an_emergency_mode_is_a_problem_that_says_what_to_do()
    {
        await using var library = await WebLibrary.StartAsync();

        using var response = await library.Holder.PutAsJsonAsync($"/api/records/{library.RecordId}/access/settings", new { centre15Allowed = false, breakTheGlassAllowed = false, hiddenDocumentsInEmergency = true });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("emergency_coupling");
        problem.GetProperty("detail").GetString()!.ShouldContain("turn one of them on first");
    }

    [Fact]
    public async Task Another_caller_asking_for_a_record_s_access_choices_gets_exactly_the_answer_for_a_missing_record()
    {
        await using var library = await WebLibrary.StartAsync();

        using var missing = await library.Holder.GetAsync($"/api/records/{Guid.CreateVersion7()}/access");
        using var bySoftware = await library.Lab.Client.SendAsync(AsLab(library, HttpMethod.Get, $"/api/records/{library.RecordId}/access", "normal"));

        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        bySoftware.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await WithoutTraceIdAsync(bySoftware)).ShouldBe(await WithoutTraceIdAsync(missing));
    }

    [Fact]
    public async Task Software_acting_for_an_insurance_contract_finds_nothing_even_after_consent()
    {
        await using var library = await WebLibrary.StartAsync();
        await UploadAsync(library);
        using var consent = await library.Lab.Client.SendAsync(AsLab(library, HttpMethod.Post, "/api/access/consents", "normal", JsonContent.Create(new { system = "urn:oid:1.2.250.1.213.1.4.8", value = Carnet.Tests.Testing.People.Alice })));
        consent.StatusCode.ShouldBe(HttpStatusCode.OK);

        (await TotalAsync(library, "normal", "insurance")).ShouldBe(0);
        (await TotalAsync(library, "normal", "TREAT")).ShouldBe(1);
    }

    [Fact]
    public async Task Only_a_regulation_centre_s_software_may_call_in_centre_15_mode()
    {
        await using var library = await WebLibrary.StartAsync();

        using var response = await library.Lab.Client.SendAsync(AsLab(library, HttpMethod.Get, Search, "centre_15"));

        // A FHIR route answers with an OperationOutcome carrying the code and what to do.
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var outcome = await response.Content.ReadAsStringAsync();
        outcome.ShouldContain("\"OperationOutcome\"");
        outcome.ShouldContain("centre_15_not_allowed");
        outcome.ShouldContain("bris_de_glace");
    }

    [Fact]
    public async Task A_regulation_centre_s_software_calls_in_centre_15_mode_and_opens_an_emergency_access()
    {
        await using var library = await WebLibrary.StartAsync();
        await UploadAsync(library);
        await using (var scope = library.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Carnet.Persistence.CarnetDbContext>().Establishments
                .ExecuteUpdateAsync(e => e.SetProperty(x => x.Kind, Carnet.Professionals.EstablishmentKind.RegulationCentre));
        }

        (await TotalAsync(library, "centre_15")).ShouldBe(1);
    }

    [Fact]
    public async Task An_unknown_purpose_of_use_is_refused_with_the_purposes_carnet_knows()
    {
        await using var library = await WebLibrary.StartAsync();

        using var response = await library.Lab.Client.SendAsync(AsLab(library, HttpMethod.Get, Search, "normal", purpose: "underwriting"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var outcome = await response.Content.ReadAsStringAsync();
        outcome.ShouldContain("acting_professional_unknown_purpose");
        outcome.ShouldContain("TREAT");
    }

    [Theory]
    [InlineData("e")]
    [InlineData("")]
    [InlineData("gex")]
    public async Task A_malformed_date_in_an_AuditEvent_search_is_an_OperationOutcome_not_an_error(string date)
    {
        await using var library = await WebLibrary.StartAsync();

        using var response = await library.Holder.GetAsync($"/fhir/r4/AuditEvent?patient.identifier={Uri.EscapeDataString(WebLibrary.PatientToken)}&date={date}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resourceType").GetString().ShouldBe("OperationOutcome");
    }

    /// <summary>The body without its traceId, which differs per request.</summary>
    private static async Task<string> WithoutTraceIdAsync(HttpResponseMessage response)
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return body.ToJsonString();
    }

    private static HttpRequestMessage AsLab(WebLibrary library, HttpMethod method, string url, string mode, HttpContent? content = null, string? purpose = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", library.Token);
        request.Headers.Add(CheckActingProfessional.Header, library.Lab.Lab.ActingAssertion(mode, claims =>
        {
            if (purpose is not null)
            {
                claims["purpose_of_use"] = purpose;
            }
        }));
        return request;
    }

    private static async Task<int> TotalAsync(WebLibrary library, string mode, string? purpose = null)
    {
        using var response = await library.Lab.Client.SendAsync(AsLab(library, HttpMethod.Get, Search, mode, purpose: purpose));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32();
    }

    private static async Task UploadAsync(WebLibrary library)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("AUTR_DOC"), "category" },
            { new StringContent("Mes vaccins"), "title" },
        };
        var file = new ByteArrayContent(Library.Pdf("vaccins"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "vaccins.pdf");
        using var response = await library.Holder.PostAsync($"/api/records/{library.RecordId}/documents", form);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
