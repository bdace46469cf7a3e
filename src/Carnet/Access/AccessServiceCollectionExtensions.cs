using Carnet.Access.Delegations;
using Carnet.Records;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Access;

/// <summary>The access policy's surface (issue #5); today the declared roles.</summary>
public static class AccessServiceCollectionExtensions
{
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddScoped<IRecordContentPurger, DeclaredRolesPurger>();
        services.AddScoped<AccessGate>();
        services.AddDelegations();
        return services;
    }
}
