using Microsoft.EntityFrameworkCore;

namespace CoverageCompare.Data.Database;

/// <summary>The one place that knows how each provider is configured and migrated.</summary>
public static class CoverageDatabase
{
    public static DbContextOptionsBuilder UseCoverageDatabase(this DbContextOptionsBuilder options, DatabaseSettings settings) => settings.Provider switch
    {
        DatabaseProvider.Postgres => options.UseCoveragePostgres(settings.ConnectionString),
        _ => options.UseCoverageSqlite(settings.ConnectionString),
    };

    public static DbContextOptions<CoverageDbContext> Options(DatabaseSettings settings)
    {
        var options = new DbContextOptionsBuilder<CoverageDbContext>();
        options.UseCoverageDatabase(settings);
        return options.Options;
    }

    /// <summary>
    /// Brings the schema up to date. Instances that start together wait for each other: EF Core (9 and later) locks
    /// the database around Migrate on both providers, and on PostgreSQL we also hold an advisory lock across both
    /// contexts and <paramref name="thenSeed"/>, so the key ring and the first data are created by one instance only.
    /// </summary>
    public static async Task MigrateAsync(
        IDbContextFactory<CoverageDbContext> dbFactory, DatabaseSettings settings, Func<CancellationToken, Task>? thenSeed = null, CancellationToken cancellationToken = default)
    {
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            await PostgresSetup.MigrateAsync(settings.ConnectionString, thenSeed, cancellationToken);
            return;
        }
        await SqliteSetup.MigrateAsync(dbFactory, cancellationToken);
        if (thenSeed is not null) await thenSeed(cancellationToken);
    }
}
