using System.Net;
using System.Text.RegularExpressions;
using Carnet.Web.Tests.Testing;

namespace Carnet.Web.Tests.Portal;

/// <summary>The activation wizard's limit counts what is sent (a code, a NIR), never the pages shown, and says on a page what to do.</summary>
public sealed partial class ActivationPageLimitTests
{
    [Fact]
    public async Task Going_back_and_forth_in_the_wizard_is_not_limited_but_sending_is_and_the_page_says_to_wait()
    {
        await using var app = await CarnetWebFactory.StartAsync(settings: new Dictionary<string, string?>(StringComparer.Ordinal) { ["Carnet:Records:EnrolmentRequestsPerMinute"] = "3" });
        using var browser = app.CreateClient();
        for (var i = 0; i < 8; i++)
        {
            (await browser.GetAsync("/activation")).StatusCode.ShouldBe(HttpStatusCode.OK, "showing a step is not an attempt");
        }

        var token = TokenField().Match(await browser.GetStringAsync("/activation")).Groups[1].Value;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var sent = await browser.PostAsync("/activation", new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["_handler"] = "identity",
                ["__RequestVerificationToken"] = token,
                ["Identity.ProvisionalCode"] = "ABCDE-23456",
                ["Identity.Nir"] = "185037505612345",
                ["Identity.VitaleSerial"] = "80250123456",
            }));
            statuses.Add(sent.StatusCode);
            if (i == 3)
            {
                sent.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
                WebUtility.HtmlDecode(await sent.Content.ReadAsStringAsync()).ShouldContain("Attendez une minute, puis réessayez.");
            }
        }

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
