using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Carnet.Access;
using Carnet.Access.Delegations;
using Carnet.Audit;
using Carnet.Documents;
using Carnet.Fhir;
using Carnet.Notifications;
using Carnet.Professionals;
using Carnet.Records;
using Carnet.Records.Import;
using Carnet.SignIn;
using Carnet.SignIn.Establishments;
using Carnet.SignIn.Passkeys;
using Carnet.SignIn.People;
using Carnet.Web.Demo;
using Carnet.Web.Health;
using Carnet.Web.Portal;
using Carnet.Web.Portal.Pages.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;

namespace Carnet.Web;

/// <summary>The web host: portal, REST API, OpenAPI document and health endpoint.</summary>
public static class CarnetWebApplication
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(Options(args));
        // First hosted service: the database is ready before the job scheduler and the server start.
        builder.Services.AddHostedService<StartupPreparation>();
        builder.Services.AddCarnet(builder.Configuration);
        builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection("Carnet:Demo"));
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddSingleton<DemoSeeder.Welcome>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddOpenApi();
        builder.Services.AddRazorComponents();

        // French pages stay readable and small: accented letters as themselves, not as &#xE9; entities.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddLocalization();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole();
        }

        var app = builder.Build();
        Culture.UseZone(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RecordsOptions>>().Value.TimeZoneInfo);
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // A portal address that ends in an error without a page (no such page, a form that could not be read) shows a
        // page in the portal's frame that says what to do; the API and FHIR keep their problem and OperationOutcome bodies.
        app.UseWhen(http => PortalEndpoints.IsPortalPath(http.Request.Path), portal => portal.UseStatusCodePagesWithReExecute("/erreur/{0}", createScopeForStatusCodePages: true));
        app.UseFhirOutcomes();
        // French unless the person chose English (the portal's language switch, or ?culture=en): not from the browser's language.
        var localization = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("fr"),
            SupportedCultures = [new CultureInfo("fr"), new CultureInfo("en")],
            SupportedUICultures = [new CultureInfo("fr"), new CultureInfo("en")],
        };
        localization.RequestCultureProviders.Remove(localization.RequestCultureProviders.OfType<AcceptLanguageHeaderRequestCultureProvider>().Single());
        app.UseRequestLocalization(localization);
        app.UseStaticFiles();
        // Routing after the status-code pages, so that a re-executed request (/erreur/404) finds its page.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRateLimiter();

        app.MapHealthChecks("/health", new HealthCheckOptions { ResultStatusCodes = { [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded] = StatusCodes.Status200OK } });
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGroup("/api/enrolment").WithTags("Enrolment").RequireRateLimiting(RecordsServiceCollectionExtensions.EnrolmentRateLimit).MapEnrolmentEndpoints();
        app.MapGroup("/api/activation").WithTags("Activation").RequireRateLimiting(RecordsServiceCollectionExtensions.EnrolmentRateLimit).MapActivationEndpoints();
        app.MapGroup("/api/sign-in").WithTags("Sign-in").RequireRateLimiting(SignInServiceCollectionExtensions.SignInRateLimit).MapSignInEndpoints().MapPasskeySignInEndpoints();
        app.MapGroup("/api/password-reset").WithTags("Sign-in").RequireRateLimiting(SignInServiceCollectionExtensions.SignInRateLimit).MapPasswordResetEndpoints();
        app.MapGroup("/api/sessions").WithTags("Sessions").RequireAuthorization(SignInPolicies.Person).MapSessionEndpoints();
        app.MapGroup("/api/account").WithTags("Sessions").RequireAuthorization(SignInPolicies.Person).MapAccountEndpoints();
        app.MapGroup("/api/account/passkeys").WithTags("Sessions").RequireAuthorization(SignInPolicies.Person).MapPasskeyEndpoints();
        app.MapGroup("/api/records").WithTags("Records").RequireAuthorization(SignInPolicies.HealthData).MapRecordEndpoints();
        app.MapGroup("/api/records/{recordId:guid}").WithTags("Documents").RequireAuthorization(SignInPolicies.HealthData).MapDocumentEndpoints();
        app.MapGroup("/api/records/{recordId:guid}/access").WithTags("Access").RequireAuthorization(SignInPolicies.HealthData).MapAccessEndpoints();
        app.MapGroup("/api/access").WithTags("Access").RequireAuthorization(SignInPolicies.HealthData).MapProfessionalAccessEndpoints();
        app.MapGroup("/api").WithTags("Caregivers and representatives").RequireAuthorization(SignInPolicies.HealthData).MapDelegationEndpoints();
        app.MapGroup("/api/records/{recordId:guid}").WithTags("Notifications").RequireAuthorization(SignInPolicies.HealthData).MapNotificationEndpoints();
        app.MapGroup("/api/records/{recordId:guid}").WithTags("Traces").RequireAuthorization(SignInPolicies.HealthData).MapTraceEndpoints();
        app.MapGroup(FhirJson.Base).WithTags("FHIR R4 / IHE MHD").MapFhirMetadata();
        app.MapGroup(FhirJson.Base).WithTags("FHIR R4 / IHE MHD").RequireAuthorization(SignInPolicies.HealthData).MapFhirEndpoints();
        var admin = app.MapGroup("/api/admin").RequireAuthorization(SignInPolicies.Operator);
        admin.MapGroup("/directory").WithTags("Administration").MapDirectoryAdminEndpoints();
        admin.MapGroup("/accounts").WithTags("Administration").MapStaffAccountEndpoints();
        admin.MapGroup("/records").WithTags("Administration").MapLifecycleAdminEndpoints();
        admin.MapGroup("/guardianships").WithTags("Administration").MapGuardianshipAdminEndpoints();
        admin.MapGroup("/enrolment").WithTags("Administration").MapEnrolmentAdminEndpoints();
        app.MapGroup("/oauth").WithTags("Establishment sign-in").MapEstablishmentTokenEndpoints();
        app.MapGroup("/api").WithTags("Sign-in").RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = SignInSchemes.Default }).MapCallerEndpoints();
        app.MapPortalEndpoints();
        app.MapDocumentPortalEndpoints();
        app.MapRazorComponents<App>();
        return app;
    }

    /// <summary>
    /// Settings and web assets are read beside the executable, whatever the working directory; relative
    /// data paths (data/…) are taken from the working directory.
    /// </summary>
    public static WebApplicationOptions Options(string[] args) => new() { Args = args, ContentRootPath = AppContext.BaseDirectory };
}
