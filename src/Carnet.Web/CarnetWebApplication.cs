using System.Globalization;
using Carnet.Records;
using Carnet.Web.Demo;
using Carnet.Web.Health;
using Carnet.Web.Portal;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;

namespace Carnet.Web;

/// <summary>The web host: portal, REST API, OpenAPI document and health endpoint.</summary>
public static class CarnetWebApplication
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(Options(args));
        builder.Services.AddCarnet(builder.Configuration);
        builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection("Carnet:Demo"));
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddOpenApi();
        builder.Services.AddRazorComponents();
        builder.Services.AddLocalization();
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole();
        }

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("fr"),
            SupportedCultures = [new CultureInfo("fr"), new CultureInfo("en")],
            SupportedUICultures = [new CultureInfo("fr"), new CultureInfo("en")],
        });
        app.UseStaticFiles();
        app.UseAntiforgery();

        app.MapHealthChecks("/health", new HealthCheckOptions { ResultStatusCodes = { [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded] = StatusCodes.Status200OK } });
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGroup("/api/enrolment").WithTags("Enrolment").MapEnrolmentEndpoints();
        app.MapGroup("/api/activation").WithTags("Activation").MapActivationEndpoints();
        app.MapRazorComponents<App>();
        return app;
    }

    /// <summary>
    /// Settings and web assets are read beside the executable, whatever the working directory; relative
    /// data paths (data/…) are taken from the working directory.
    /// </summary>
    public static WebApplicationOptions Options(string[] args) => new() { Args = args, ContentRootPath = AppContext.BaseDirectory };

    /// <summary>Migrates the database, checks keys and storage, and seeds the demo data when asked; runs before the host listens.</summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken ct)
    {
        await StartupTasks.RunAsync(app.Services, ct);
        await using var scope = app.Services.CreateAsyncScope();
        var demo = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        await demo.SeedIfAskedAsync(ct);
        app.Lifetime.ApplicationStarted.Register(() => demo.PrintWelcome(app.Urls));
    }
}
