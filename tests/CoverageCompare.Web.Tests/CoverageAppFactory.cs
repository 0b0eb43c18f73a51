using CoverageCompare.Web.Tests.Postgres;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoverageCompare.Web.Tests;

/// <summary>The whole app in memory on its own temporary SQLite file; pass a path to reopen the same database.</summary>
public sealed class CoverageAppFactory(string? databasePath = null) : WebApplicationFactory<Program>
{
    public string DatabasePath { get; } = databasePath ?? NewDatabasePath();

    /// <summary>
    /// This app's database when the suite runs on PostgreSQL, named after <see cref="DatabasePath"/> so that passing the
    /// same path reopens the same database there too; small idle pools, since many apps share one server.
    /// </summary>
    public string PostgresConnectionString =>
        PostgresServer.Instance.ConnectionString(PostgresServer.DatabaseNameFor(DatabasePath)) + ";Maximum Pool Size=30;Connection Idle Lifetime=10;Connection Pruning Interval=5";

    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), $"coverage-test-{Guid.NewGuid():N}.db");

    public static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (PostgresServer.SuiteOnPostgres)
        {
            // COVERAGE_TEST_PROVIDER=Postgres: the same tests, each app on its own database in one throwaway cluster.
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Default", PostgresConnectionString);
        }
        else
        {
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath};Pooling=False");
        }
        // Tests import and sign in far faster than people do; RateLimitTests and AccountTests set their own limits.
        // Each test host would load the 90 MB sentence model again; the engine with the model is tested in Analysis.Tests.
        builder.UseSetting("Engine:SentenceModel", "none");
        builder.UseSetting("RateLimits:Import:PermitLimit", "100000");
        builder.UseSetting("RateLimits:SignIn:PermitLimit", "100000");
        builder.UseSetting("RateLimits:Registration:PermitLimit", "100000");
        builder.UseEnvironment("Development");
    }
}

/// <summary>One app per test class; deletes its database afterwards.</summary>
public sealed class AppFixture : IDisposable
{
    public CoverageAppFactory Factory { get; } = new();

    public void Dispose()
    {
        Factory.Dispose();
        CoverageAppFactory.DeleteDatabase(Factory.DatabasePath);
    }
}
