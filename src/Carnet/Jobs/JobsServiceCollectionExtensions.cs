using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Jobs;

/// <summary>The scheduler's surface: <c>AddJobs()</c> and <c>AddScheduledJob&lt;T&gt;()</c>.</summary>
public static class JobsServiceCollectionExtensions
{
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JobsOptions>(configuration);
        services.AddSingleton<JobRunner>();
        services.AddHostedService<JobScheduler>();
        return services;
    }

    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services, string name, TimeSpan interval)
        where TJob : class, IScheduledJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton(new JobRegistration(name, typeof(TJob), interval));
        return services;
    }
}
