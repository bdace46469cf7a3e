using System.Text.Json;
using Carnet.Portal.Tests.Testing;
using Carnet.Records.Enrolment;
using Carnet.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Carnet.Portal.Tests.Activation.ActivationPortal;
using static Carnet.Web.Tests.Testing.TestAccounts;

namespace Carnet.Portal.Tests.Activation;

/// <summary>From the letter's provisional code to the first sign-in, on a phone, one question per screen.</summary>
[Collection(BrowserTests.Name)]
public sealed class ActivationJourneyTests(Chromium chromium)
{
    private const string Password = "Kp9#vT2!mQx";

    [Fact]
    public async Task A_person_activates_their_record_from_the_provisional_code_and_makes_their_privacy_choices()
    {
        await using var portal = await StartAsync(chromium);
        var code = await InformAliceAsync(portal);
        var page = await portal.OpenAsync("/");
        await page.CheckPageAsync("activation-home");

        await page.GetByRole(AriaRole.Link, new() { Name = "Activer mon espace" }).ClickAsync();
        await page.WaitForURLAsync("**/activation");
        (await page.GetByRole(AriaRole.Img, new() { Name = "Une carte Vitale vue de face", Exact = false }).IsVisibleAsync()).ShouldBeTrue("the picture shows where the serial number is");
        await page.CheckPageAsync("activation-identity");
        await FillIdentityAsync(page, code.ToLowerInvariant(), People.Alice, People.AliceVitale);

        await page.WaitForURLAsync("**/activation/email");
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("Votre adresse e-mail");
        (await page.Locator(".usa-step-indicator__current-step").InnerTextAsync()).ShouldBe("2");
        await page.CheckPageAsync("activation-email");
        await page.GetByLabel("Adresse e-mail").FillAsync(People.AliceEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Recevoir le code" }).ClickAsync();

        await page.WaitForURLAsync("**/activation/email-code");
        await page.CheckPageAsync("activation-email-code");
        await DispatchAsync(portal.App);
        await page.GetByLabel("Le code à 6 chiffres envoyé à alice@example.org").FillAsync(portal.App.Mail.LastOneTimeCodeTo(People.AliceEmail));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();

        await page.WaitForURLAsync("**/activation/mobile");
        await page.CheckPageAsync("activation-mobile");
        await page.GetByLabel("Numéro de mobile").FillAsync("06 12 34 56 78");
        await page.GetByRole(AriaRole.Button, new() { Name = "Recevoir le code" }).ClickAsync();
        await page.WaitForURLAsync("**/activation/mobile-code");
        await DispatchAsync(portal.App);
        await page.GetByLabel("Le code à 6 chiffres envoyé par SMS", new() { Exact = false }).FillAsync(portal.App.Mail.LastOneTimeCodeTo(People.AliceMobile));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();

        await page.WaitForURLAsync("**/activation/identifiant");
        await page.CheckPageAsync("activation-login");
        await page.GetByLabel("Identifiant").FillAsync("alice.martin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();

        await page.WaitForURLAsync("**/activation/mot-de-passe");
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(Password);
        await TickAsync(page, "J'ai lu et j'accepte les conditions d'utilisation", true);
        await page.CheckPageAsync("activation-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer mon espace" }).ClickAsync();

        await page.WaitForURLAsync("**/activation/confidentialite");
        (await page.GetByRole(AriaRole.Status).First.InnerTextAsync()).ShouldContain("Votre espace est activé");
        await page.CheckPageAsync("activation-privacy");
        await TickAsync(page, "Masquer aux professionnels les nouveaux documents", true);
        await TickAsync(page, "Les autres professionnels peuvent le consulter en urgence", false);
        await TickAsync(page, "Montrer aussi mes documents masqués en cas d'urgence", true);
        await TickAsync(page, "Un professionnel a consulté mon espace", false);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et aller à mon espace" }).ClickAsync();

        await page.WaitForURLAsync("**/espace/*");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Bonjour Alice");
        var recordId = page.Url.Split("/espace/")[1].Split('?')[0];
        var access = await JsonAsync(page, $"/api/records/{recordId}/access");
        var settings = access.GetProperty("settings");
        settings.GetProperty("hideNewDocuments").GetBoolean().ShouldBeTrue();
        settings.GetProperty("centre15Allowed").GetBoolean().ShouldBeTrue();
        settings.GetProperty("breakTheGlassAllowed").GetBoolean().ShouldBeFalse();
        settings.GetProperty("hiddenDocumentsInEmergency").GetBoolean().ShouldBeTrue();
        var preferences = await JsonAsync(page, $"/api/records/{recordId}/notification-preferences");
        var byKind = preferences.EnumerateArray().ToDictionary(p => p.GetProperty("kind").GetString()!, p => p.GetProperty("email").GetBoolean(), StringComparer.Ordinal);
        byKind["professionalAccess"].ShouldBeFalse();
        byKind["emergencyAccess"].ShouldBeTrue();

        // Coming back to the step shows what she chose, not the defaults.
        await page.GotoAsync("/activation/confidentialite");
        (await page.GetByLabel("Masquer aux professionnels les nouveaux documents").First.IsCheckedAsync()).ShouldBeTrue();
        (await page.GetByLabel("Les autres professionnels peuvent le consulter en urgence").First.IsCheckedAsync()).ShouldBeFalse();
        (await page.GetByLabel("Montrer aussi mes documents masqués en cas d'urgence").First.IsCheckedAsync()).ShouldBeTrue();
        (await page.GetByLabel("Un professionnel a consulté mon espace").First.IsCheckedAsync()).ShouldBeFalse();

        // The next time, Alice signs in as everyone does.
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync("/connexion");
        await BrowserSignIn.SignInAsync(portal, page, "alice.martin", Password, People.AliceEmail);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Bonjour Alice");
    }

    [Fact]
    public async Task Wrong_entries_on_the_first_screen_each_say_what_to_do()
    {
        await using var portal = await StartAsync(chromium);
        var code = await InformAliceAsync(portal);
        var page = await portal.OpenAsync("/activation");

        await FillIdentityAsync(page, code, People.Alice, "12AB");
        (await AlertAsync(page)).ShouldContain("11 chiffres sur les cartes avec photo");
        (await page.GetByLabel("Numéro de série de la carte Vitale").GetAttributeAsync("aria-invalid")).ShouldBe("true");
        (await page.GetByLabel("Code provisoire").InputValueAsync()).ShouldBe(code, "what was typed is kept");
        await page.CheckPageAsync("activation-identity-error");

        await FillIdentityAsync(page, code, People.Alice, "80250123457");
        (await AlertAsync(page)).ShouldContain("Nous ne trouvons pas d'espace avec ce numéro de sécurité sociale et ce numéro de série");

        await FillIdentityAsync(page, code, People.Alice[..13] + "00", People.AliceVitale);
        (await AlertAsync(page)).ShouldContain("Vérifiez surtout les 2 derniers");

        await FillIdentityAsync(page, "ABCDE-FGHJK", People.Alice, People.AliceVitale);
        (await AlertAsync(page)).ShouldContain("Ce code provisoire n'est pas le bon");

        // The code expires: the person is told to ask for a new one, and can from the link on the page.
        portal.App.Clock.Advance(TimeSpan.FromDays(120));
        await FillIdentityAsync(page, code, People.Alice, People.AliceVitale);
        (await AlertAsync(page)).ShouldContain("Ce code provisoire a expiré");
        await page.GetByRole(AriaRole.Link, new() { Name = "Recevoir un nouveau code" }).ClickAsync();
        await page.GetByLabel("Numéro de sécurité sociale").FillAsync(People.Alice);
        await page.GetByLabel("Numéro de série de la carte Vitale").FillAsync(People.AliceVitale);
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer un nouveau code" }).ClickAsync();
        await page.GetByText("un nouveau code est envoyé").WaitForAsync();
        await page.CheckPageAsync("activation-new-code");
        await DispatchAsync(portal.App);
        var fresh = portal.App.Mail.LastProvisionalCodeTo(People.AliceEmail);
        fresh.ShouldNotBe(code);

        await page.GetByRole(AriaRole.Link, new() { Name = "Activer mon espace" }).ClickAsync();
        await FillIdentityAsync(page, fresh, People.Alice, People.AliceVitale);
        await page.WaitForURLAsync("**/activation/email");

        // A code used once does not work again.
        var other = await portal.OpenAsync("/activation");
        await FillIdentityAsync(other, fresh, People.Alice, People.AliceVitale);
        (await AlertAsync(other)).ShouldContain("Ce code provisoire a déjà servi");
    }

    [Fact]
    public async Task Wrong_contact_codes_and_a_refused_password_are_explained_and_the_rules_show_as_one_types()
    {
        await using var portal = await StartAsync(chromium);
        var code = await InformAliceAsync(portal);
        var page = await portal.OpenAsync("/activation");
        await FillIdentityAsync(page, code, People.Alice, People.AliceVitale);
        await page.WaitForURLAsync("**/activation/email");

        await page.GetByLabel("Adresse e-mail").FillAsync("alice@");
        await page.GetByRole(AriaRole.Button, new() { Name = "Recevoir le code" }).ClickAsync();
        (await AlertAsync(page)).ShouldContain("Cette adresse e-mail n'est pas valable");
        await page.GetByLabel("Adresse e-mail").FillAsync(People.AliceEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Recevoir le code" }).ClickAsync();
        await page.WaitForURLAsync("**/activation/email-code");
        await page.GetByLabel("Le code à 6 chiffres", new() { Exact = false }).FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        (await AlertAsync(page)).ShouldContain("Ce code n'est pas celui que nous avons envoyé");
        await page.CheckPageAsync("activation-email-code-error");

        // Asking again at once is refused with the wait; later, the new code works.
        await page.GetByRole(AriaRole.Link, new() { Name = "Pas reçu ?", Exact = false }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Recevoir le code" }).ClickAsync();
        (await AlertAsync(page)).ShouldContain("secondes avant d'en demander un autre");
        portal.App.Clock.Advance(TimeSpan.FromSeconds(31));
        await page.GetByRole(AriaRole.Button, new() { Name = "Recevoir le code" }).ClickAsync();
        await page.WaitForURLAsync("**/activation/email-code");
        await DispatchAsync(portal.App);
        await page.GetByLabel("Le code à 6 chiffres", new() { Exact = false }).FillAsync(portal.App.Mail.LastOneTimeCodeTo(People.AliceEmail));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();

        await page.WaitForURLAsync("**/activation/mobile");
        await page.GetByLabel("Numéro de mobile").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Recevoir le code" }).ClickAsync();
        (await AlertAsync(page)).ShouldContain("Ce numéro de mobile n'est pas valable");
        await page.GetByLabel("Numéro de mobile").FillAsync("06 12 34 56 78");
        await page.GetByRole(AriaRole.Button, new() { Name = "Recevoir le code" }).ClickAsync();
        await page.WaitForURLAsync("**/activation/mobile-code");
        await DispatchAsync(portal.App);
        await page.GetByLabel("Le code à 6 chiffres", new() { Exact = false }).FillAsync(portal.App.Mail.LastOneTimeCodeTo(People.AliceMobile));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();

        await page.WaitForURLAsync("**/activation/identifiant");
        await page.GetByLabel("Identifiant").FillAsync("alice@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        var loginError = await AlertAsync(page);
        loginError.ShouldContain("N'utilisez pas une adresse e-mail comme identifiant");
        loginError.ShouldContain("que des lettres sans accent");
        await page.CheckPageAsync("activation-login-error");
        await page.GetByLabel("Identifiant").FillAsync("alice.martin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();

        await page.WaitForURLAsync("**/activation/mot-de-passe");
        var password = page.GetByLabel("Mot de passe", new() { Exact = true });
        var rules = page.Locator("#password-rules");
        await password.PressSequentiallyAsync("abc");
        (await rules.Locator("li[data-rule=lower]").TextContentAsync() ?? "").ShouldContain("(fait)");
        (await rules.Locator("li[data-rule=upper]").TextContentAsync() ?? "").ShouldContain("(à faire)");
        (await rules.Locator("li[data-rule=length]").TextContentAsync() ?? "").ShouldContain("(à faire)");
        await password.PressSequentiallyAsync("DEF1!xyz");
        foreach (var rule in new[] { "length", "lower", "upper", "digit", "special" })
        {
            (await rules.Locator($"li[data-rule={rule}]").TextContentAsync() ?? "").ShouldContain("(fait)", customMessage: rule);
        }

        await page.CheckPageAsync("activation-password-rules");

        // The live rules are met, but the server still refuses what only it can check (the name), and the unticked terms.
        await password.FillAsync("Martin#2024x");
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer mon espace" }).ClickAsync();
        (await AlertAsync(page)).ShouldContain("Lisez et acceptez les conditions d'utilisation");
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync("Martin#2024x");
        await TickAsync(page, "J'ai lu et j'accepte les conditions d'utilisation", true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer mon espace" }).ClickAsync();
        (await AlertAsync(page)).ShouldContain("N'utilisez ni votre nom");
        await page.CheckPageAsync("activation-password-refused");

        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(Password);
        await TickAsync(page, "J'ai lu et j'accepte les conditions d'utilisation", true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer mon espace" }).ClickAsync();
        await page.WaitForURLAsync("**/activation/confidentialite");
    }

    [Fact]
    public async Task A_screen_of_the_wizard_reached_without_an_activation_says_to_start_again()
    {
        await using var portal = await StartAsync(chromium);
        var page = await portal.OpenAsync("/activation/mot-de-passe");

        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldContain("Votre activation a expiré ou n'a pas commencé");
        await page.GetByRole(AriaRole.Link, new() { Name = "Recommencer l'activation" }).ClickAsync();
        await page.WaitForURLAsync("**/activation");
        await page.CheckPageAsync("activation-lost");
    }

    [Fact]
    public async Task A_person_objects_to_the_creation_of_their_record_from_the_home_page_and_can_change_their_mind()
    {
        await using var portal = await StartAsync(chromium);
        var code = await InformAliceAsync(portal);
        var page = await portal.OpenAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "M'opposer à sa création" }).ClickAsync();
        await page.WaitForURLAsync("**/opposition");
        await page.CheckPageAsync("activation-opposition");
        await page.GetByLabel("Code provisoire").FillAsync(code);
        await page.GetByLabel("Numéro de sécurité sociale").FillAsync(People.Alice);
        await page.GetByLabel("Numéro de série de la carte Vitale").FillAsync(People.AliceVitale);
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        (await AlertAsync(page)).ShouldContain("Cochez « Je confirme mon choix »");

        await TickAsync(page, "Je confirme mon choix", true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Votre opposition est enregistrée" }).WaitForAsync();
        await page.CheckPageAsync("activation-opposition-done");
        await DispatchAsync(portal.App);

        // Activating is now refused with the way out; changing one's mind needs a new code.
        var activation = await portal.OpenAsync("/activation");
        portal.App.Clock.Advance(TimeSpan.FromMinutes(1));
        await using (var scope = portal.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RequestProvisionalCode>().HandleAsync(new(People.Alice, People.AliceVitale), CancellationToken.None);
        }

        await DispatchAsync(portal.App);
        var fresh = portal.App.Mail.LastProvisionalCodeTo(People.AliceEmail);
        await FillIdentityAsync(activation, fresh, People.Alice, People.AliceVitale);
        (await AlertAsync(activation)).ShouldContain("Vous vous êtes opposé(e) à la création de cet espace");

        await page.GotoAsync("/opposition");
        await TickAsync(page, "J'ai changé d'avis", true);
        await page.GetByLabel("Code provisoire").FillAsync(fresh);
        await page.GetByLabel("Numéro de sécurité sociale").FillAsync(People.Alice);
        await page.GetByLabel("Numéro de série de la carte Vitale").FillAsync(People.AliceVitale);
        await TickAsync(page, "Je confirme mon choix", true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Votre espace est créé" }).WaitForAsync();
    }

    private static async Task<JsonElement> JsonAsync(IPage page, string url)
    {
        var response = await page.Context.APIRequest.GetAsync(url);
        response.Ok.ShouldBeTrue($"{url}: {response.Status}");
        return (await response.JsonAsync())!.Value;
    }
}
