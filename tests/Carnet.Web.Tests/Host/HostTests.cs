using System.Net;
using System.Text.Json;
using Carnet.Web.Tests.Testing;

namespace Carnet.Web.Tests.Host;

public class HostTests
{
    [Fact]
    public async Task Health_answers_200_once_the_database_is_ready()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Portal_first_page_is_french_with_a_way_to_english()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        using var client = app.CreateClient();

        var french = await client.GetStringAsync("/");
        var english = await client.GetStringAsync("/?culture=en&ui-culture=en");

        french.ShouldContain("<html lang=\"fr\">");
        french.ShouldContain("Votre espace numérique de santé");
        french.ShouldContain("hreflang=\"en\"");
        english.ShouldContain("<html lang=\"en\">");
        english.ShouldContain("Your digital health record");
    }

    [Fact]
    public async Task Pages_are_usable_on_a_phone_and_skip_to_their_content()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        using var client = app.CreateClient();

        var page = await client.GetStringAsync("/");

        page.ShouldContain("name=\"viewport\" content=\"width=device-width, initial-scale=1\"");
        page.ShouldContain("<a class=\"usa-skipnav\" href=\"#main\">");
        page.ShouldContain("<main id=\"main\"");
        (await client.GetAsync("/css/site.css")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/lib/uswds/css/uswds.min.css")).StatusCode.ShouldBe(HttpStatusCode.OK, "the design system is served from wwwroot/lib, no npm needed");
    }

    [Fact]
    public async Task OpenApi_document_describes_enrolment_and_activation()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        using var client = app.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/enrolment/opposition");
        paths.ShouldContain("/api/enrolment/provisional-codes");
        paths.ShouldContain("/api/enrolment/closure");
        paths.ShouldContain("/api/activation/completion");
        document.RootElement.GetProperty("openapi").GetString().ShouldStartWith("3.");
    }

    [Fact]
    public async Task An_unknown_address_is_a_plain_404()
    {
        await using var app = await CarnetWebFactory.StartAsync();
        using var client = app.CreateClient();

        (await client.GetAsync("/nothing-here")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
