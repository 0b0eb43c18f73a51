using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CoverageCompare.Data.Database;

public static class PostgresSetup
{
    /// <summary>The advisory-lock key that stands for "this app is migrating" on the server ("Coverag" in ASCII).</summary>
    public const long MigrationLockKey = 0x436f7665726167;

    public static DbContextOptionsBuilder UseCoveragePostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(DatabaseSettings.PostgresMigrationsAssembly));

    public static DbContextOptions<KeysDbContext> KeysOptions(string connectionString) =>
        new DbContextOptionsBuilder<KeysDbContext>()
            .UseNpgsql(connectionString, npgsql => npgsql
                .MigrationsAssembly(DatabaseSettings.PostgresMigrationsAssembly)
                .MigrationsHistoryTable(KeysDbContext.HistoryTable))
            .Options;

    /// <summary>
    /// Creates the database if needed and applies both contexts' migrations while holding a session advisory lock, so
    /// that of several instances starting together one migrates and the others wait, then find nothing left to do.
    /// EF Core also locks the history table around each Migrate; ours spans the two contexts and the creation.
    /// </summary>
    public static async Task MigrateAsync(string connectionString, Func<CancellationToken, Task>? thenSeed = null, CancellationToken cancellationToken = default)
    {
        await using var db = new CoverageDbContext(CoverageDatabase.Options(new DatabaseSettings(DatabaseProvider.Postgres, connectionString)));
        await CreateDatabaseIfMissingAsync(db, cancellationToken);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(@key)", cancellationToken);
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
            await using var keys = new KeysDbContext(KeysOptions(connectionString));
            await keys.Database.MigrateAsync(cancellationToken);
            if (thenSeed is not null) await thenSeed(cancellationToken);
        }
        finally
        {
            // Closing the session would release it too; unlocking says so plainly and returns a clean connection to the pool.
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
        }
    }

    private static async Task CreateDatabaseIfMissingAsync(CoverageDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken)) return;
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another instance created it a moment earlier.
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", MigrationLockKey);
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
