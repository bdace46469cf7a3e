using Carnet.Portal.Tests.Testing;
using Microsoft.Playwright;

namespace Carnet.Portal.Tests.Site;

/// <summary>French first, English on request; the same frame and menu on every page, usable on a phone.</summary>
[Collection(BrowserTests.Name)]
public sealed class LanguageAndLayoutTests(Chromium chromium)
{
    [Fact]
    public async Task The_portal_is_in_french_even_for_a_browser_set_to_english()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var page = await portal.OpenAsync("/", locale: "en-US");

        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("fr");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Votre espace numérique de santé");
        await page.CheckPageAsync("home");
    }

    [Fact]
    public async Task The_language_switch_shows_the_same_page_in_english_and_remembers_it()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var page = await portal.OpenAsync("/connexion", Device.Desktop);

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        page.Url.ShouldEndWith("/connexion");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Sign in");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");
        await page.GotoAsync("/");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Your digital health record", customMessage: "the choice is remembered");
        await page.GetByRole(AriaRole.Link, new() { Name = "Français" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Votre espace numérique de santé");
    }

    [Fact]
    public async Task On_a_phone_the_menu_opens_from_a_button()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var page = await portal.OpenAsync("/");
        var signIn = page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Se connecter" });

        (await signIn.IsVisibleAsync()).ShouldBeFalse("at 360 px the menu is folded");
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await signIn.ClickAsync();

        page.Url.ShouldEndWith("/connexion");
    }

    [Fact]
    public async Task A_page_that_does_not_exist_says_so_and_offers_a_way_back()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var page = await portal.OpenAsync("/nulle-part");

        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Page introuvable");
        (await page.GetByRole(AriaRole.Link, new() { Name = "Revenir à mon espace" }).CountAsync()).ShouldBe(1);
        await page.CheckPageAsync("not-found");
    }
}
