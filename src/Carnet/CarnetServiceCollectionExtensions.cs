using Carnet.Access;
using Carnet.Accounts;
using Carnet.Audit;
using Carnet.Documents;
using Carnet.Http;
using Carnet.Identifiers;
using Carnet.Jobs;
using Carnet.Mail;
using Carnet.Notifications;
using Carnet.Persistence;
using Carnet.Professionals;
using Carnet.Records;
using Carnet.SignIn;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Carnet;

/// <summary>
/// Wires every capability from configuration: the one place the host (web or CLI) and the tests
/// call, so they always run the same composition.
/// </summary>
public static class CarnetServiceCollectionExtensions
{
    public const string DefaultSqliteConnectionString = "Data Source=data/carnet.db";

    public static IServiceCollection AddCarnet(this IServiceCollection services, IConfiguration configuration)
    {
        var carnet = configuration.GetSection("Carnet");
        services.TryAddSingleton(TimeProvider.System);

        var database = carnet.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.Configure<DatabaseOptions>(carnet.GetSection("Database"));
        var connectionString = configuration.GetConnectionString("Carnet");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = database.Provider == DatabaseProvider.Sqlite
                ? DefaultSqliteConnectionString
                : throw new InvalidOperationException("ConnectionStrings:Carnet is required for PostgreSQL, for example Host=db;Database=carnet;Username=carnet;Password=…");
        }

        services.AddCarnetPersistence(database.Provider, connectionString);
        services.AddScoped<DatabaseMigrator>();
        services.Configure<InsOptions>(carnet.GetSection("Ins"));

        services.AddJobs(carnet.GetSection("Jobs"));
        services.AddMail(carnet.GetSection("Mail"));
        services.AddAccounts();
        services.AddSignIn(carnet.GetSection("SignIn"));
        services.AddRecords(carnet.GetSection("Records"));
        services.AddProfessionals();
        services.AddAccess(carnet.GetSection("Access"));
        services.AddAudit();
        services.AddDocuments(carnet.GetSection("Documents"), carnet.GetSection("Storage"), carnet.GetSection("Keys"));
        services.AddNotifications();

        services.AddProblemDetails();
        services.AddExceptionHandler<DomainProblems>();
        return services;
    }
}
