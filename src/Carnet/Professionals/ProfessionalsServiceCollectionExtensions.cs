using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Professionals;

/// <summary>The professionals directory's surface.</summary>
public static class ProfessionalsServiceCollectionExtensions
{
    public static IServiceCollection AddProfessionals(this IServiceCollection services)
    {
        services.AddScoped<RegisterProfessional>();
        services.AddScoped<RegisterEstablishment>();
        services.AddScoped<RegisterEstablishmentClient>();
        services.AddScoped<SetEstablishmentClientEnabled>();
        services.AddScoped<EstablishmentNames>();
        return services;
    }
}
