using Microsoft.Playwright;
using static Carnet.Web.Tests.Testing.TestAccounts;

namespace Carnet.Portal.Tests.Testing;

/// <summary>The people of the browser tests, signing in the way they would: through the sign-in page.</summary>
public static class BrowserSignIn
{
    /// <summary>Alice's record and account (TestAccounts), and Alice signed in on a new phone browser at her record's home.</summary>
    public static async Task<(IPage Page, Guid RecordId)> AliceOnHerPhoneAsync(this PortalApp portal, Device device = Device.Phone)
    {
        var recordId = await CreateAliceAsync(portal.App);
        var page = await portal.OpenAsync("/connexion", device);
        await SignInAsync(portal, page, AliceLogin, AlicePassword, Carnet.Tests.Testing.People.AliceEmail);
        return (page, recordId);
    }

    /// <summary>Fills in the sign-in page: login and password, then the code sent by e-mail.</summary>
    public static async Task SignInAsync(PortalApp portal, IPage page, string login, string password, string email)
    {
        await page.GetByLabel("Identifiant ou numéro RPPS").FillAsync(login);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await page.GetByLabel("Le code à 6 chiffres", new() { Exact = false }).WaitForAsync();
        await DispatchAsync(portal.App);
        await page.GetByLabel("Le code à 6 chiffres", new() { Exact = false }).FillAsync(portal.App.Mail.LastOneTimeCodeTo(email));
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).Last.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/connexion", StringComparison.Ordinal));
    }
}
