using Carnet.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Carnet.Mail;

/// <summary>The outbox, its dispatcher job and the transport chosen by <c>Carnet:Mail:Mode</c>.</summary>
public static class MailServiceCollectionExtensions
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration);
        services.AddScoped<Outbox>();
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<PickupFolderMailTransport>();
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.Mode == MailMode.Smtp
            ? sp.GetRequiredService<SmtpMailTransport>()
            : sp.GetRequiredService<PickupFolderMailTransport>());
        services.AddSingleton<ISmsTransport, FolderSmsTransport>();
        services.AddScheduledJob<DispatchOutbox>(DispatchOutbox.JobName, TimeSpan.FromSeconds(5));
        return services;
    }
}
