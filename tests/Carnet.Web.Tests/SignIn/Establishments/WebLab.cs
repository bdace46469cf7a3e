using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Carnet.Persistence;
using Carnet.SignIn.Establishments;
using Carnet.Tests;
using Carnet.Tests.SignIn.Establishments;
using Carnet.Web.Tests.Testing;

namespace Carnet.Web.Tests.SignIn.Establishments;

/// <summary>A test's own Carnet over HTTP with a registered lab, calling as the lab's software would.</summary>
public sealed class WebLab : IAsyncDisposable
{
    private WebLab(CarnetWebFactory app, HttpClient client, Lab lab)
    {
        App = app;
        Client = client;
        Lab = lab;
    }

    public CarnetWebFactory App { get; }

    public HttpClient Client { get; }

    public Lab Lab { get; }

    public FakeClock Clock => App.Clock;

    public static async Task<WebLab> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, SoftwareKey? key = null)
    {
        var app = await CarnetWebFactory.StartAsync(provider);
        var client = app.CreateClient();
        return new WebLab(app, client, await Lab.RegisterAsync(app.Services, app.Clock, key ?? SoftwareKey.Ec()));
    }

    /// <summary><c>POST /oauth/token</c> with this client assertion, as RFC 6749 §4.4.2 and RFC 7523 §2.2 say.</summary>
    public Task<HttpResponseMessage> PostTokenAsync(string assertion) => Client.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["grant_type"] = IssueEstablishmentToken.ClientCredentials,
        ["client_assertion_type"] = IssueEstablishmentToken.JwtBearerAssertion,
        ["client_assertion"] = assertion,
    }));

    /// <summary>A fresh access token for the lab.</summary>
    public async Task<string> TokenAsync()
    {
        using var response = await PostTokenAsync(Lab.ClientAssertion());
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary><c>GET /api/caller</c> with an access token and, when given, an acting-professional assertion.</summary>
    public async Task<HttpResponseMessage> CallerAsync(string token, string? acting)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/caller");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (acting is not null)
        {
            request.Headers.Add(CheckActingProfessional.Header, acting);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        Lab.Key.Dispose();
    }
}
