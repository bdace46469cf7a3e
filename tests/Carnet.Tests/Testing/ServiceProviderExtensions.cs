using Carnet.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Tests.Testing;

public static class ServiceProviderExtensions
{
    /// <summary>A scope standing for one node or request, with its own database context.</summary>
    public static AsyncServiceScope CreateAsyncScopeWith(this IServiceProvider services, out CarnetDbContext db)
    {
        var scope = services.CreateAsyncScope();
        db = scope.ServiceProvider.GetRequiredService<CarnetDbContext>();
        return scope;
    }
}
