using CoverageCompare.Data;
using CoverageCompare.Web.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CoverageCompare.Web.Health;

/// <summary>Healthy only when the database can be read and its write lock taken: a read-only or locked file is a failure.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<CoverageDbContext> dbFactory, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.Stories.AsNoTracking().AnyAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Stories\" SET \"Id\" = \"Id\" WHERE 1 = 0", cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The type and the database's code say what went wrong; the message could name the file or the connection.
            // EF Core may wrap the provider's exception (a failed open, for one); the provider's own names the cause.
            if ((exception as NpgsqlException ?? exception.InnerException as NpgsqlException) is { } postgres)
            {
                logger.HealthCheckFailedOnPostgres(context.Registration.Name, postgres.GetType().Name, (postgres as PostgresException)?.SqlState);
            }
            else logger.HealthCheckFailed(context.Registration.Name, exception.GetType().Name, (exception as SqliteException)?.SqliteErrorCode);
            return HealthCheckResult.Unhealthy("The database cannot be read or written.", exception);
        }
    }
}
