using Carnet.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Audit;

/// <summary>The traces' surface: <c>AddAudit()</c> here, <c>MapTraceEndpoints()</c> for HTTP.</summary>
public static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddScoped<VerifyTraceChain>();
        services.AddScoped<ShowAccessHistory>();
        services.AddScheduledJob<SealTraces>(SealTraces.JobName, SealTraces.Interval);
        return services;
    }
}
