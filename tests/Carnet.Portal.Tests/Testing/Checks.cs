using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Carnet.Portal.Tests.Testing;

/// <summary>
/// What every page of a journey goes through: axe-core (WCAG 2.1 A and AA rules) with no serious or
/// critical violation, at phone and desktop widths, and a full-page screenshot at each width saved under
/// artifacts/screenshots (CARNET_SCREENSHOTS overrides the folder).
/// </summary>
public static class Checks
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    public static string ScreenshotFolder { get; } = Environment.GetEnvironmentVariable("CARNET_SCREENSHOTS")
        ?? Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public static ViewportSize Viewport(Device device) => device == Device.Phone
        ? new ViewportSize { Width = 360, Height = 780 }
        : new ViewportSize { Width = 1280, Height = 900 };

    /// <summary>Checks the page as it is now at both widths, saves <paramref name="name"/>.phone.png and .desktop.png, and puts the width back.</summary>
    public static async Task CheckPageAsync(this IPage page, string name)
    {
        var original = page.ViewportSize;
        foreach (var device in Enum.GetValues<Device>())
        {
            await page.SetViewportSizeAsync(Viewport(device).Width, Viewport(device).Height);
            await AccessibleAsync(page, $"{name} ({device})");
            Directory.CreateDirectory(ScreenshotFolder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.{device.ToString().ToLowerInvariant()}.png"), FullPage = true });
        }

        if (original is not null)
        {
            await page.SetViewportSizeAsync(original.Width, original.Height);
        }
    }

    /// <summary>axe-core on the page: fails with every serious or critical violation, its rule and where.</summary>
    public static async Task AccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        blocking.ShouldBeEmpty(
            $"axe-core on {what} ({page.Url}):\n" + string.Join("\n", blocking.Select(v =>
                $"- {v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target + " " + n.Html))}")));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Carnet.slnx")))
            {
                return folder.FullName;
            }
        }

        return Path.GetTempPath();
    }
}
