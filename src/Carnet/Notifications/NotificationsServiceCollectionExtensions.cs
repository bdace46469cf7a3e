using Carnet.Jobs;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Notifications;

/// <summary>The notification centre: traces become notifications in their own unit of work, the INVISIBLE_PATIENT notices job, the use cases.</summary>
public static class NotificationsServiceCollectionExtensions
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        // Picked up by the DbContext registration (Persistence), which adds every registered interceptor.
        services.AddSingleton<IInterceptor, NotifyFromTraces>();
        services.AddScoped<VisibleNotifications>();
        services.AddScoped<FindNotifications>();
        services.AddScoped<MarkNotificationsRead>();
        services.AddScoped<DeleteNotification>();
        services.AddScoped<ShowNotificationPreferences>();
        services.AddScoped<ChangeNotificationPreferences>();
        services.AddScheduledJob<AnnounceInvisibleDocuments>(AnnounceInvisibleDocuments.JobName, TimeSpan.FromHours(1));
        return services;
    }
}
