using CoverageCompare.Data.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CoverageCompare.Web.Accounts;

public static class SharedKeys
{
    /// <summary>The same on every instance: by default data protection isolates apps by their content root path, which differs between machines.</summary>
    public const string ApplicationName = "CoverageCompare";

    /// <summary>
    /// On PostgreSQL the key ring that signs sign-in cookies and antiforgery tokens lives in the database, so a cookie
    /// issued by one instance is valid on every other. On SQLite (one instance) the default per-machine key folder stays.
    /// </summary>
    public static IServiceCollection AddSharedKeys(this IServiceCollection services, DatabaseSettings database)
    {
        if (!database.IsPostgres) return services;
        services.AddDbContext<KeysDbContext>(options => options.UseNpgsql(database.ConnectionString));
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<KeysDbContext>();
        return services;
    }
}
