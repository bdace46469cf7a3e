using Carnet.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Access.Delegations;

/// <summary>Representatives, guardians and caregivers: their use cases, and the interceptor naming them in traces.</summary>
public static class DelegationsServiceCollectionExtensions
{
    public static IServiceCollection AddDelegations(this IServiceCollection services)
    {
        // The context is registered by Persistence under its provider's subclass: configure both, only one is used.
        services.ConfigureDbContext<SqliteCarnetDbContext>(o => o.AddInterceptors(DelegatedActorKinds.Instance));
        services.ConfigureDbContext<PostgresCarnetDbContext>(o => o.AddInterceptors(DelegatedActorKinds.Instance));
        services.AddScoped<Attestations>();
        services.AddScoped<InviteCaregiver>();
        services.AddScoped<AnswerCaregiverInvitation>();
        services.AddScoped<EndCaregiving>();
        services.AddScoped<ShowCaregivers>();
        services.AddScoped<ShowRepresentatives>();
        services.AddScoped<InviteRepresentative>();
        services.AddScoped<AnswerRepresentativeInvitation>();
        services.AddScoped<EndCoRepresentation>();
        services.AddScoped<RegisterGuardianship>();
        return services;
    }
}
