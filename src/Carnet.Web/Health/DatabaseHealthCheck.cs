using Carnet.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Carnet.Web.Health;

/// <summary>Ready when the database answers.</summary>
public sealed class DatabaseHealthCheck(CarnetDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer; check ConnectionStrings:Carnet.");
}
