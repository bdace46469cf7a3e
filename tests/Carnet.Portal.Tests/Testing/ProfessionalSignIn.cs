using Carnet.SignIn.People;
using Microsoft.Playwright;
using static Carnet.Web.Tests.Testing.TestAccounts;

namespace Carnet.Portal.Tests.Testing;

/// <summary>A professional signing in through the sign-in page: RPPS number, password, then the authenticator app's code.</summary>
public static class ProfessionalSignIn
{
    /// <summary>Dr Claire LEFÈVRE (TestAccounts.CreateDoctorAsync), médecin généraliste, signed in on a new browser at "Trouver un patient".</summary>
    public static async Task<IPage> DoctorSignedInAsync(this PortalApp portal, Device device = Device.Desktop)
    {
        var (login, password, secret) = await CreateDoctorAsync(portal.App);
        var page = await portal.OpenAsync("/connexion", device);
        await page.GetByLabel("Identifiant ou numéro RPPS").FillAsync(login);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        var code = page.GetByLabel("Le code à 6 chiffres affiché par votre application d'authentification");
        await code.FillAsync(Totp.Code(secret, Totp.StepAt(portal.App.Clock.GetUtcNow())));
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).Last.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/pro", StringComparison.Ordinal));
        return page;
    }
}
