using CoverageCompare.Web.Sessions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoverageCompare.Web.Health;

/// <summary>
/// On PostgreSQL an instance whose LISTEN connection is down cannot hear other instances' changes; it reports unhealthy
/// so a balancer sends new readers elsewhere until the connection is back.
/// </summary>
public sealed class LiveSessionsHealthCheck(PostgresStorySessions sessions) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(sessions.IsListening
            ? HealthCheckResult.Healthy("LISTEN connection up.")
            : HealthCheckResult.Unhealthy("LISTEN connection down: changes from other instances are not heard."));
}
