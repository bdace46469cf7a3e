using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Carnet.Tests.Documents;
using Carnet.Web.Tests.Documents;

namespace Carnet.Web.Tests.Notifications;

/// <summary>The notification centre over HTTP: a lab's deposit shows in Alice's centre; read, preferences, delete; another record is "not found".</summary>
public class NotificationHttpTests
{
    [Fact]
    public async Task A_lab_deposit_shows_in_the_holder_s_centre_and_can_be_read_and_deleted()
    {
        await using var library = await WebLibrary.StartAsync();
        var documentId = await MhdHttpTests.DepositAsync(library, Library.Pdf(), "urn:oid:1.2.250.1.999.41.1");
        var centre = $"/api/records/{library.RecordId}/notifications";

        var page = await library.Holder.GetFromJsonAsync<JsonElement>(centre);
        page.GetProperty("unread").GetInt32().ShouldBe(1);
        var item = page.GetProperty("items")[0];
        item.GetProperty("kind").GetString().ShouldBe("documentByProfessional");
        item.GetProperty("documentId").GetString().ShouldBe(documentId.ToString());
        item.GetProperty("title").GetString()!.ShouldContain("a ajouté un document");
        var id = item.GetProperty("id").GetString();

        using (var read = await library.Holder.PostAsync($"{centre}/{id}/read", null))
        {
            read.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        (await library.Holder.GetFromJsonAsync<JsonElement>($"{centre}?unread=true")).GetProperty("total").GetInt32().ShouldBe(0);

        using (var put = await library.Holder.PutAsJsonAsync($"/api/records/{library.RecordId}/notification-preferences", new { preferences = new[] { new { kind = "professionalAccess", email = false } } }))
        {
            put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
            var preferences = await put.Content.ReadFromJsonAsync<JsonElement>();
            preferences.EnumerateArray().Single(p => p.GetProperty("kind").GetString() == "professionalAccess").GetProperty("email").GetBoolean().ShouldBeFalse();
        }

        using (var delete = await library.Holder.DeleteAsync($"{centre}/{id}"))
        {
            delete.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        (await library.Holder.GetFromJsonAsync<JsonElement>(centre)).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Another_person_s_notifications_look_like_not_found()
    {
        await using var library = await WebLibrary.StartAsync();
        await MhdHttpTests.DepositAsync(library, Library.Pdf(), "urn:oid:1.2.250.1.999.42.1");
        var id = (await library.Holder.GetFromJsonAsync<JsonElement>($"/api/records/{library.RecordId}/notifications")).GetProperty("items")[0].GetProperty("id").GetString();

        using var otherRecord = await library.Holder.GetAsync($"/api/records/{Guid.NewGuid()}/notifications");
        using var unknown = await library.Holder.DeleteAsync($"/api/records/{library.RecordId}/notifications/{Guid.NewGuid()}");
        using var asLab = await library.SendAsLabAsync(HttpMethod.Delete, $"/api/records/{library.RecordId}/notifications/{id}");

        otherRecord.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        asLab.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var absent = await WithoutTraceIdAsync(unknown);
        (await WithoutTraceIdAsync(otherRecord)).ShouldBe(absent);
        (await WithoutTraceIdAsync(asLab)).ShouldBe(absent);
        (await library.Holder.GetFromJsonAsync<JsonElement>($"/api/records/{library.RecordId}/notifications")).GetProperty("total").GetInt32().ShouldBe(1);
    }

    private static async Task<string> WithoutTraceIdAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var body = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateObject().Where(p => p.Name != "traceId");
        return string.Join(",", body.Select(p => $"{p.Name}={p.Value}"));
    }
}
