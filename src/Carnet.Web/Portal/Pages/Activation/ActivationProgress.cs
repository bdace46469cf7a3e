using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Carnet.Web.Portal.Pages.Activation;

/// <summary>
/// Where a person is in the activation wizard, between its screens: the activation token of the API (StartActivation)
/// and what they already typed. Kept in an encrypted, HttpOnly cookie limited to /activation that lasts as long as
/// the browser session (the activation itself expires after an hour on the server), so no screen needs a hidden field with the token, and going back and forth works.
/// </summary>
public sealed record ActivationProgress(string Token, DateTimeOffset ExpiresAt, string GivenNames, string? KnownEmail, string? KnownMobile, string? Email = null, string? Mobile = null, string? Login = null)
{
    public const string CookieName = "carnet-activation";
    private const string Purpose = "Carnet.Portal.ActivationProgress";

    public static ActivationProgress? Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ActivationProgress>(Protector(http).Unprotect(value));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            // An old or tampered cookie: as if there were none, the wizard starts again.
            return null;
        }
    }

    public void Write(HttpContext http) =>
        http.Response.Cookies.Append(CookieName, Protector(http).Protect(JsonSerializer.Serialize(this)), new CookieOptions
        {
            Path = "/activation",
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,

            // A session cookie: the server's activation lasts an hour and is the one that expires (a date here would be
            // the server's clock judged by the browser's).
            IsEssential = true,
        });

    public static void Clear(HttpContext http) => http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/activation" });

    private static IDataProtector Protector(HttpContext http) =>
        http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
}
