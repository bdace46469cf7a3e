using Carnet.Persistence;
using Carnet.Web.Tests.Testing;
using Microsoft.Playwright;

namespace Carnet.Portal.Tests.Testing;

/// <summary>
/// The real Carnet (WebApplicationFactory on Kestrel, a real port) on a test's own database, and browser
/// pages on it in French at phone or desktop width.
/// </summary>
public sealed class PortalApp : IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];
    private readonly Chromium _chromium;

    private PortalApp(CarnetWebFactory app, Chromium chromium)
    {
        App = app;
        _chromium = chromium;
        BaseAddress = app.ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    public CarnetWebFactory App { get; }

    /// <summary>http://127.0.0.1:port, no trailing slash.</summary>
    public string BaseAddress { get; }

    public static async Task<PortalApp> StartAsync(Chromium chromium, DatabaseProvider provider = DatabaseProvider.Sqlite, IDictionary<string, string?>? settings = null)
    {
        var app = await CarnetWebFactory.StartAsync(provider, settings);
        app.UseKestrel(0);
        app.StartServer();
        return new PortalApp(app, chromium);
    }

    /// <summary>A new browser (own cookies) showing <paramref name="path"/>, in French unless told otherwise.</summary>
    public async Task<IPage> OpenAsync(string path = "/", Device device = Device.Phone, string locale = "fr-FR")
    {
        var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress,
            Locale = locale,
            TimezoneId = "Europe/Paris",
            ViewportSize = Checks.Viewport(device),
            AcceptDownloads = true,
        });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(path);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        await App.DisposeAsync();
    }
}
