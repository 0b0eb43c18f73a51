using Microsoft.Extensions.Configuration;

namespace CoverageCompare.Data.Database;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database the app uses: <c>Database:Provider</c> (Sqlite unless told) and <c>ConnectionStrings:Default</c>.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>PostgreSQL's migrations live in their own assembly, so each provider keeps a history generated for it.</summary>
    public const string PostgresMigrationsAssembly = "CoverageCompare.Data.Postgres";

    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    public static DatabaseSettings FromConfiguration(IConfiguration configuration, string defaultSqlitePath)
    {
        var provider = ParseProvider(configuration["Database:Provider"]);
        var connectionString = configuration.GetConnectionString("Default");
        return Create(provider, connectionString, defaultSqlitePath);
    }

    public static DatabaseSettings Create(DatabaseProvider provider, string? connectionString, string defaultSqlitePath)
    {
        if (!string.IsNullOrWhiteSpace(connectionString)) return new(provider, connectionString);
        // A PostgreSQL server has no sensible default; SQLite keeps its file beside the app, as it always has.
        if (provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("Database:Provider is Postgres, so ConnectionStrings:Default must name the server (Host=...;Database=...;Username=...).");
        }
        return new(provider, $"Data Source={defaultSqlitePath}");
    }

    public static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{value}'."),
    };
}
