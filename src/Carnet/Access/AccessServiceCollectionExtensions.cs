using Carnet.Access.Delegations;
using Carnet.Records;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Carnet.Access;

/// <summary>The access policy's surface: <c>AddAccess()</c>, <c>MapAccessEndpoints()</c> and <c>MapProfessionalAccessEndpoints()</c>.</summary>
public static class AccessServiceCollectionExtensions
{
    public static IServiceCollection AddAccess(this IServiceCollection services, IConfiguration access)
    {
        services.AddOptions<AccessOptions>().Bind(access).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => AccessMatrix.Load(provider.GetRequiredService<IOptions<AccessOptions>>()));
        services.AddScoped<IRecordContentPurger, AccessChoicesPurger>();
        services.AddScoped<AccessGate>();
        services.AddScoped<ShowAccessChoices>();
        services.AddScoped<ChangeAccessSettings>();
        services.AddScoped<AuthorizeProfessional>();
        services.AddScoped<WithdrawAuthorization>();
        services.AddScoped<BlockProfessional>();
        services.AddScoped<UnblockProfessional>();
        services.AddScoped<DeclareCareRole>();
        services.AddScoped<RecordConsent>();
        services.AddScoped<OpenSecretConnection>();
        services.AddScoped<OpenEmergencyAccess>();
        services.AddScoped<FindPatient>();
        services.AddDelegations();
        return services;
    }
}
