using Carnet.Web.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Carnet.Web;

/// <summary>
/// Runs before the server listens (hosted services start first): migrations, keys, storage, demo data.
/// So <c>/health</c> answers only once Carnet is ready.
/// </summary>
public sealed class StartupPreparation(IServiceProvider services, IHostApplicationLifetime lifetime, IServer server) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await StartupTasks.RunAsync(services, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var demo = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        await demo.SeedIfAskedAsync(cancellationToken);
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            services.GetRequiredService<DemoSeeder.Welcome>().Print(addresses);
        });
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
