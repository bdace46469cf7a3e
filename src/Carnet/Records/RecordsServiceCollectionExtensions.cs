using Carnet.Jobs;
using Carnet.Mail;
using Carnet.Records.Credentials;
using Carnet.Records.Enrolment;
using Carnet.Records.Import;
using Carnet.Records.Notices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Records;

/// <summary>The record lifecycle's surface: <c>AddRecords()</c> here, <c>MapEnrolmentEndpoints()</c> for HTTP.</summary>
public static class RecordsServiceCollectionExtensions
{
    public static IServiceCollection AddRecords(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RecordsOptions>(configuration);
        services.AddSingleton(_ => new PasswordRules(PasswordDictionary.Default));

        services.AddScoped<HolderMail>();
        services.AddScoped<ChangeLifecycle>();
        services.AddScoped<IdentityProof>();
        services.AddScoped<ActivationSessions>();
        services.AddScoped<ImportInsuredPersons>();
        services.AddScoped<ExportPostalLetters>();
        services.AddScoped<RequestProvisionalCode>();
        services.AddScoped<HolderLifecycleRequest>();
        services.AddScoped<OperatorLifecycleRequest>();
        services.AddScoped<ShowRecordLifecycle>();
        services.AddScoped<StartActivation>();
        services.AddScoped<SendContactCode>();
        services.AddScoped<ConfirmContact>();
        services.AddScoped<CheckCredentials>();
        services.AddScoped<CompleteActivation>();
        services.AddScoped<IOutboxObserver, NoticeDeliveryObserver>();
        services.AddScoped<IRecordContentPurger, LifecycleContentPurger>();

        services.AddScheduledJob<CreateRecordsAfterOppositionWindow>(CreateRecordsAfterOppositionWindow.JobName, TimeSpan.FromHours(1));
        services.AddScheduledJob<CloseRecordsAfterSuspension>(CloseRecordsAfterSuspension.JobName, TimeSpan.FromHours(1));
        services.AddScheduledJob<PurgeClosedRecords>(PurgeClosedRecords.JobName, TimeSpan.FromHours(1));
        services.AddScheduledJob<EndRepresentationAtMajority>(EndRepresentationAtMajority.JobName, TimeSpan.FromHours(1));
        services.AddScheduledJob<PurgeExpiredTraces>(PurgeExpiredTraces.JobName, TimeSpan.FromDays(1));
        return services;
    }
}
