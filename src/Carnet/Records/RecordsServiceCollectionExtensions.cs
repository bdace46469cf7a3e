using Carnet.Jobs;
using Carnet.Mail;
using Carnet.Records.Credentials;
using Carnet.Records.Enrolment;
using Carnet.Records.Import;
using Carnet.Records.Notices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Carnet.Records;

/// <summary>The record lifecycle's surface: <c>AddRecords()</c> here, <c>MapEnrolmentEndpoints()</c> for HTTP.</summary>
public static class RecordsServiceCollectionExtensions
{
    /// <summary>The rate-limiting policy of the enrolment and activation route groups.</summary>
    public const string EnrolmentRateLimit = "enrolment";

    public static IServiceCollection AddRecords(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RecordsOptions>(configuration);
        var perMinute = configuration.GetValue(nameof(RecordsOptions.EnrolmentRequestsPerMinute), new RecordsOptions().EnrolmentRequestsPerMinute);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(EnrolmentRateLimit, http => Http.AttemptLimits.PerAddress(http, perMinute));
            limiter.OnRejected = (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                // The API answers a problem; a portal page leaves the body to the portal's error page (status-code pages).
                return context.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    || context.HttpContext.Request.Path.StartsWithSegments("/oauth", StringComparison.OrdinalIgnoreCase)
                    ? new ValueTask(Http.ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "rate_limited", "Too many attempts from this connection. Wait a minute, then try again."))
                    : ValueTask.CompletedTask;
            };
        });
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
        services.AddScoped<ShowRecords>();
        services.AddScoped<ChangeOwnRecordLifecycle>();
        services.AddScoped<Export.ExportRecord>();
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
