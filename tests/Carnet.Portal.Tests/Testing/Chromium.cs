using Microsoft.Playwright;

namespace Carnet.Portal.Tests.Testing;

/// <summary>
/// Debian's Chromium driven by Playwright, one browser for the whole test run (each test opens its own
/// contexts, so cookies never leak between tests). tools/chromium.sh installs it when missing.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string DefaultPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable("CARNET_CHROMIUM") ?? DefaultPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Chromium is not at {path}: run tools/chromium.sh (it installs Debian's chromium), or set CARNET_CHROMIUM to its path.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            // Root in CI containers: Chromium's sandbox needs user namespaces the container may not give.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>Every browser test shares the one Chromium (and so runs one after another: two cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<Chromium>
{
    public const string Name = "browser";
}
