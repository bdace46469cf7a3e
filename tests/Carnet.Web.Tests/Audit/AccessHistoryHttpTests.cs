using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Carnet.Web.Tests.Documents;

namespace Carnet.Web.Tests.Audit;

/// <summary>The holder's access history over REST: camelCase JSON, pages of 100, refusals that look like absence.</summary>
public class AccessHistoryHttpTests
{
    [Fact]
    public async Task The_holder_reads_their_history_over_rest_newest_first()
    {
        await using var library = await WebLibrary.StartAsync();
        (await library.Holder.GetAsync($"/api/records/{library.RecordId}/documents")).EnsureSuccessStatusCode();

        var page = await library.Holder.GetFromJsonAsync<JsonElement>($"/api/records/{library.RecordId}/traces");

        page.GetProperty("pageSize").GetInt32().ShouldBe(100);
        page.GetProperty("page").GetInt32().ShouldBe(1);
        var newest = page.GetProperty("items")[0];
        newest.GetProperty("action").GetString().ShouldBe("documents.listed");
        newest.GetProperty("actorKind").GetString().ShouldBe("holder");
        newest.GetProperty("actorGroup").GetString().ShouldBe("holder");
        newest.GetProperty("accessMode").GetString().ShouldBe("normal");
        newest.TryGetProperty("actorId", out _).ShouldBeFalse();
        var carnet = await library.Holder.GetFromJsonAsync<JsonElement>($"/api/records/{library.RecordId}/traces?group=carnet");
        carnet.GetProperty("items").EnumerateArray().ShouldAllBe(t => t.GetProperty("actorGroup").GetString() == "carnet");
    }

    [Fact]
    public async Task A_lab_asking_for_a_record_s_history_gets_the_same_not_found_as_for_a_missing_record()
    {
        await using var library = await WebLibrary.StartAsync();

        using var refused = await library.SendAsLabAsync(HttpMethod.Get, $"/api/records/{library.RecordId}/traces");
        using var absent = await library.Holder.GetAsync($"/api/records/{Guid.NewGuid()}/traces");

        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        absent.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        refused.Content.Headers.ContentType.ShouldBe(absent.Content.Headers.ContentType);
        (await BodyWithoutTraceIdAsync(refused)).ShouldBe(await BodyWithoutTraceIdAsync(absent));
    }

    [Fact]
    public async Task An_unknown_group_is_a_problem_saying_which_groups_exist()
    {
        await using var library = await WebLibrary.StartAsync();

        using var response = await library.Holder.GetAsync($"/api/records/{library.RecordId}/traces?group=insurers");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("holder, professionals, services or carnet");
    }

    private static async Task<string> BodyWithoutTraceIdAsync(HttpResponseMessage response)
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return body.ToJsonString();
    }
}
