using Carnet.Portal.Tests.Testing;
using Microsoft.Playwright;
using static Carnet.Web.Tests.Testing.TestAccounts;

namespace Carnet.Portal.Tests.Holder;

/// <summary>A holder signs in on their phone with a one-time code, and signs out.</summary>
[Collection(BrowserTests.Name)]
public sealed class SignInJourneyTests(Chromium chromium)
{
    [Fact]
    public async Task A_holder_signs_in_with_the_code_sent_by_email_and_lands_on_their_record()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var recordId = await CreateAliceAsync(portal.App);
        var page = await portal.OpenAsync("/connexion");
        await page.CheckPageAsync("sign-in");

        await page.GetByLabel("Identifiant ou numéro RPPS").FillAsync(AliceLogin);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(AlicePassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        var code = page.GetByLabel("Le code à 6 chiffres envoyé à a•••@example.org");
        await code.WaitForAsync();
        await page.CheckPageAsync("sign-in-code");
        await DispatchAsync(portal.App);
        await code.FillAsync(portal.App.Mail.LastOneTimeCodeTo(Carnet.Tests.Testing.People.AliceEmail));
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).Last.ClickAsync();

        await page.WaitForURLAsync($"**/espace/{recordId}");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Bonjour Alice");
        await page.CheckPageAsync("record-home");
    }

    [Fact]
    public async Task A_wrong_password_says_what_to_do_and_keeps_the_login()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        await CreateAliceAsync(portal.App);
        var page = await portal.OpenAsync("/connexion");

        await page.GetByLabel("Identifiant ou numéro RPPS").FillAsync(AliceLogin);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync("Wrong#Pass1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();

        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("réinitialisez votre mot de passe");
        (await page.GetByLabel("Identifiant ou numéro RPPS").InputValueAsync()).ShouldBe(AliceLogin);
        await page.CheckPageAsync("sign-in-error");
    }

    [Fact]
    public async Task Signing_out_from_the_menu_ends_the_session()
    {
        await using var portal = await PortalApp.StartAsync(chromium);
        var (page, _) = await portal.AliceOnHerPhoneAsync(Device.Desktop);

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();

        await page.GetByText("Vous êtes déconnecté(e)").WaitForAsync();
        await page.GotoAsync("/espace");
        page.Url.ShouldContain("/connexion", customMessage: "the session ended: its pages ask to sign in again");
    }
}
